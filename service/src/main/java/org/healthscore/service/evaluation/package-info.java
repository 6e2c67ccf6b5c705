/**
 * The evaluation core of DESIGN.md 3.6: an evaluation's rows ({@link org.healthscore.service.evaluation.EvaluationRows},
 * one per account and asOf: score, measure scores, label) and its design in, the report's statistics and the
 * false-green rows out ({@link org.healthscore.service.evaluation.Evaluator}). Plain values and pure functions
 * only (no I/O, no clock, no framework; {@code EvaluationPurityTest} holds it to that), so every number can be
 * recomputed by hand, checked against the independent reference vectors, and benchmarked on a million rows
 * without a database.
 *
 * <p>One class per statistic: {@code Auc} (value and clustered DeLong interval), {@code BandTable},
 * {@code Deciles}, {@code Segments}, {@code MeasureStats} with {@code Spearman}, {@code ConstrainedLogistic}
 * behind {@code WeightSuggestion}, {@code CrossValidation} and {@code ForwardCheck}, {@code BandSuggestion},
 * {@code Verdicts}, {@code Findings}. They share {@code SortOrder} (a radix order of a column, walked in groups
 * of ties) and the scored rows ({@code Sample}). The decisions taken where the spec is silent are listed on
 * {@link org.healthscore.service.evaluation.Evaluator}.
 */
package org.healthscore.service.evaluation;
