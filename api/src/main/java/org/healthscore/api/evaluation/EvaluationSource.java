package org.healthscore.api.evaluation;

/** BACKTEST recomputes scores at each asOf from the observations as they were; SNAPSHOTS reads stored scores. */
public enum EvaluationSource {
    BACKTEST, SNAPSHOTS
}
