package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The sign-constrained L2 logistic fit, checked by its optimality conditions computed independently here:
 * free coefficients (and the intercept) have a zero gradient, coefficients on their bound a gradient pushing
 * outward.
 */
class ConstrainedLogisticTest {

    /**
     * n rows: x1 uniform, x2 = 0.6 x1 + 0.4 u (correlated with x1), x3 uniform noise, y ~ logistic(b0 + b.x).
     * Scores are x * 100, as the evaluation gets them.
     */
    private static FeatureMatrix data(long seed, int n, double b0, double b1, double b2, double b3) {
        Random random = new Random(seed);
        double[][] columns = new double[3][n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble();
            double x2 = 0.6 * x1 + 0.4 * random.nextDouble();
            double x3 = random.nextDouble();
            columns[0][i] = 100 * x1;
            columns[1][i] = 100 * x2;
            columns[2][i] = 100 * x3;
            double eta = b0 + b1 * x1 + b2 * x2 + b3 * x3;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta));
        }
        return FeatureMatrix.ofScores(columns, n, y);
    }

    /** The objective and gradient, written out plainly (no imputation needed: no missing values here). */
    private static double[] gradient(FeatureMatrix d, double[] beta) {
        double[] g = new double[beta.length];
        for (int i = 0; i < d.n(); i++) {
            double eta = beta[0];
            for (int j = 0; j < d.p(); j++) {
                eta += beta[j + 1] * d.x()[i * d.p() + j];
            }
            double r = 1 / (1 + Math.exp(-eta)) - (d.y()[i] ? 1 : 0);
            g[0] += r;
            for (int j = 0; j < d.p(); j++) {
                g[j + 1] += r * d.x()[i * d.p() + j];
            }
        }
        for (int j = 1; j < beta.length; j++) {
            g[j] += beta[j];
        }
        return g;
    }

    private static double objective(FeatureMatrix d, double[] beta) {
        double f = 0;
        for (int i = 0; i < d.n(); i++) {
            double eta = beta[0];
            for (int j = 0; j < d.p(); j++) {
                eta += beta[j + 1] * d.x()[i * d.p() + j];
            }
            f += Math.log(1 + Math.exp(eta)) - (d.y()[i] ? eta : 0);
        }
        for (int j = 1; j < beta.length; j++) {
            f += 0.5 * beta[j] * beta[j];
        }
        return f;
    }

    private static double[] beta(ConstrainedLogistic.Fit fit) {
        double[] beta = new double[fit.coefficients().length + 1];
        beta[0] = fit.intercept();
        System.arraycopy(fit.coefficients(), 0, beta, 1, fit.coefficients().length);
        return beta;
    }

    private static void assertOptimal(FeatureMatrix d, ConstrainedLogistic.Fit fit, int[] sign) {
        double[] beta = beta(fit);
        double[] g = gradient(d, beta);
        assertThat(fit.converged()).isTrue();
        assertThat(Math.abs(g[0])).as("intercept gradient").isLessThan(1e-6);
        for (int j = 1; j < beta.length; j++) {
            int s = sign[j - 1];
            assertThat(s * beta[j]).as("b%d on the feasible side", j).isGreaterThanOrEqualTo(0);
            if (s != 0 && beta[j] == 0) {
                // On the bound: lowering the objective would need crossing it (s * g >= 0).
                assertThat(s * g[j]).as("b%d bound, gradient pushing outward", j).isGreaterThanOrEqualTo(-1e-9);
            } else {
                assertThat(Math.abs(g[j])).as("b%d free, gradient", j).isLessThan(1e-6);
            }
        }
    }

    @Test
    void churnBoundBindsAndTheOptimalityConditionsHold() {
        // x2 raises churn (b2 = +2.5): the wrong way for CHURN, so its bound b2 <= 0 binds.
        FeatureMatrix d = data(7, 600, 1, -4, 2.5, 0);
        int[] sign = {-1, -1, -1};
        ConstrainedLogistic.Fit fit = ConstrainedLogistic.fit(d, null, sign, null);

        assertOptimal(d, fit, sign);
        assertThat(fit.coefficients()[1]).isZero();
        assertThat(fit.atBound()[1]).isTrue();
        assertThat(fit.coefficients()[0]).isNegative();
        assertThat(fit.objective()).isCloseTo(objective(d, beta(fit)), within(1e-9));
    }

    @Test
    void expansionBoundBindsAndTheOptimalityConditionsHold() {
        // For EXPANSION coefficients must be >= 0; x2 lowers expansion, so b2 >= 0 binds.
        FeatureMatrix d = data(11, 600, -1, 4, -2.5, 0);
        int[] sign = {1, 1, 1};
        ConstrainedLogistic.Fit fit = ConstrainedLogistic.fit(d, null, sign, null);

        assertOptimal(d, fit, sign);
        assertThat(fit.coefficients()[1]).isZero();
        assertThat(fit.coefficients()[0]).isPositive();
    }

    @Test
    void beatsZeroingTheWrongSignedCoefficientsOfAnUnconstrainedFit() {
        // x1 and x2 are correlated, so when x2 may not count, x1's coefficient must change to make up for it:
        // zeroing b2 of the unconstrained fit keeps a b1 that is no longer optimal.
        FeatureMatrix d = data(3, 800, 1, -4, 3, 0);
        ConstrainedLogistic.Fit free = ConstrainedLogistic.fit(d, null, new int[3], null);
        assertOptimal(d, free, new int[3]);
        assertThat(free.coefficients()[1]).as("unconstrained b2").isPositive();

        double[] zeroed = beta(free);
        for (int j = 1; j < zeroed.length; j++) {
            zeroed[j] = Math.min(0, zeroed[j]);
        }
        ConstrainedLogistic.Fit constrained = ConstrainedLogistic.fit(d, null, new int[] {-1, -1, -1}, null);

        assertThat(constrained.objective()).isLessThan(objective(d, zeroed) - 1);
        assertThat(Math.abs(constrained.coefficients()[0] - zeroed[1])).isGreaterThan(0.1);
    }

    @Property(tries = 25)
    void optimalOnRandomProblems(@ForAll long seed) {
        Random random = new Random(seed);
        FeatureMatrix d = data(seed, 150 + random.nextInt(300), random.nextGaussian(), 3 * random.nextGaussian(),
                3 * random.nextGaussian(), 3 * random.nextGaussian());
        int[] sign = random.nextBoolean() ? new int[] {-1, -1, -1} : new int[] {1, 1, 1};
        ConstrainedLogistic.Fit fit = ConstrainedLogistic.fit(d, null, sign, null);
        if (fit != null) {
            assertOptimal(d, fit, sign);
        }
    }

    @Test
    void missingValuesAreImputedWithTheMeanOverTheFitsRows() {
        double[][] withMissing = {{10, Double.NaN, 30, 70, 90, Double.NaN, 20, 60}, {5, 15, 25, 35, 45, 55, 65, 75}};
        double mean = (10 + 30 + 70 + 90 + 20 + 60) / 6.0;
        double[][] imputed = {{10, mean, 30, 70, 90, mean, 20, 60}, withMissing[1]};
        boolean[] y = TestRows.labels(1, 1, 1, 0, 0, 1, 0, 0);
        int[] sign = {-1, -1};
        ConstrainedLogistic.Fit a = ConstrainedLogistic.fit(FeatureMatrix.ofScores(withMissing, 8, y), null, sign, null);
        ConstrainedLogistic.Fit b = ConstrainedLogistic.fit(FeatureMatrix.ofScores(imputed, 8, y), null, sign, null);
        assertThat(a.intercept()).isCloseTo(b.intercept(), within(1e-12));
        assertThat(a.coefficients()[0]).isCloseTo(b.coefficients()[0], within(1e-12));
        assertThat(a.coefficients()[1]).isCloseTo(b.coefficients()[1], within(1e-12));
    }

    @Test
    void noFitWithOneClass() {
        double[][] columns = {{10, 20, 30}};
        assertThat(ConstrainedLogistic.fit(FeatureMatrix.ofScores(columns, 3, TestRows.labels(0, 0, 0)), null,
                new int[] {-1}, null)).isNull();
    }

    @Test
    void aWarmStartReachesTheSameOptimum() {
        FeatureMatrix d = data(5, 400, 0.5, -3, 1, -1);
        int[] sign = {-1, -1, -1};
        ConstrainedLogistic.Fit cold = ConstrainedLogistic.fit(d, null, sign, null);
        ConstrainedLogistic.Fit warm = ConstrainedLogistic.fit(d, null, sign, new double[] {3, -9, -9, 5});
        assertThat(warm.intercept()).isCloseTo(cold.intercept(), within(1e-7));
        for (int j = 0; j < 3; j++) {
            assertThat(warm.coefficients()[j]).isCloseTo(cold.coefficients()[j], within(1e-7));
        }
    }
}
