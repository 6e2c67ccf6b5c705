package org.healthscore.service.evaluation;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The sign-constrained L2 logistic regression behind the suggested weights (DESIGN.md 3.6): minimize
 * {@code sum_i logloss(y_i, b0 + b.x_i) + 1/2 ||b||^2} (lambda 1, intercept {@code b0} not penalized) subject to
 * {@code sign_j * b_j >= 0} for every coefficient with a sign (CHURN: -1, a higher measure score must mean less
 * churn; EXPANSION: +1; 0 leaves a coefficient free, used by tests for the unconstrained fit).
 *
 * <p>Features are the measure scores / 100 ({@link FeatureMatrix}); a missing value is imputed with the
 * measure's mean over the rows of this fit that have a value (0 when none has: the coefficient then has no
 * data and the penalty keeps it at 0).
 *
 * <p>Method: projected Newton with an epsilon-active set (Bertsekas 1982). Each iteration computes the
 * objective, gradient and the small dense Hessian in one pass over the rows; coefficients at (or within
 * epsilon of) their bound whose gradient pushes outward take a scaled gradient step, the others a Newton step
 * on their block of the Hessian (Cholesky from commons-math); the step is projected back onto the feasible
 * set with an Armijo backtracking search. The problem is strictly convex (the penalty on b, and both classes
 * present for b0), so the optimum is unique; iteration stops when the projected gradient is below
 * {@link #tolerance(long)}: free coefficients with |gradient| below it, bound ones with a gradient pushing
 * outward. That, not merely zeroing the wrong-signed coefficients of an unconstrained fit, is the optimum.
 */
final class ConstrainedLogistic {

    static final int MAX_ITERATIONS = 100;
    private static final int BLOCK = 256;
    private static final double ARMIJO = 1e-4;
    private static final double EPSILON_ACTIVE = 1e-3;

    /**
     * The fitted model: {@code coefficients[j]} per measure; {@code gradient} of the objective at the optimum
     * ([0] the intercept's); {@code atBound[j]} when the coefficient sits on its sign bound (exactly 0 with a
     * sign).
     */
    record Fit(double intercept, double[] coefficients, boolean[] atBound, double objective, double[] gradient,
               int iterations, boolean converged) {

        boolean allZero() {
            for (double c : coefficients) {
                if (c != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private ConstrainedLogistic() {
    }

    /**
     * The projected-gradient tolerance for a fit over {@code rows} rows: 1e-8, loosened in proportion beyond
     * 10,000 rows, where a gradient summed over a million terms cannot be more exact than rounding allows.
     */
    static double tolerance(long rows) {
        return 1e-8 * Math.max(1, rows / 10_000.0);
    }

    /**
     * Fits over {@code rows} (indices into the matrix; null: every row), or returns null when those rows hold
     * one class only (the intercept then has no finite optimum). {@code start}, when given, is a warm start
     * ({@code [b0, b1..bp]}), projected onto the feasible set.
     */
    static Fit fit(FeatureMatrix data, int[] rows, int[] sign, double[] start) {
        int p = data.p();
        if (sign.length != p) {
            throw new IllegalArgumentException("one sign per feature");
        }
        int count = rows == null ? data.n() : rows.length;
        long positives = 0;
        for (int k = 0; k < count; k++) {
            if (data.y()[rows == null ? k : rows[k]]) {
                positives++;
            }
        }
        if (positives == 0 || positives == count) {
            return null;
        }
        double[] mean = data.means(rows);
        double[] beta = new double[p + 1];
        if (start != null) {
            System.arraycopy(start, 0, beta, 0, p + 1);
        } else {
            beta[0] = Math.log((double) positives / (count - positives));
        }
        project(beta, sign);
        double tolerance = tolerance(count);

        Evaluation current = evaluate(data, rows, mean, beta, true);
        int iteration = 0;
        boolean converged = false;
        while (true) {
            if (projectedGradient(beta, current.gradient, sign) <= tolerance) {
                converged = true;
                break;
            }
            if (iteration == MAX_ITERATIONS) {
                break;
            }
            iteration++;
            double[] direction = direction(beta, current, sign);
            // Projected backtracking: try the full step first, halve until the objective drops enough.
            double alpha = 1;
            Evaluation accepted = null;
            double[] candidate = null;
            while (alpha >= 1e-12) {
                candidate = new double[p + 1];
                for (int j = 0; j <= p; j++) {
                    candidate[j] = beta[j] + alpha * direction[j];
                }
                project(candidate, sign);
                double decrease = 0;
                for (int j = 0; j <= p; j++) {
                    decrease -= current.gradient[j] * (candidate[j] - beta[j]);
                }
                Evaluation trial = evaluate(data, rows, mean, candidate, true);
                // Near the optimum the predicted decrease is below the rounding of a sum over many rows: there
                // the (quadratically convergent) full step, itself tiny, is taken on the model's word.
                boolean negligible = Math.abs(decrease) <= 1e-13 * Math.max(1, Math.abs(current.objective));
                if (trial.objective <= current.objective - ARMIJO * decrease || (negligible && alpha == 1)) {
                    accepted = trial;
                    break;
                }
                alpha /= 2;
            }
            if (accepted == null || Arrays.equals(candidate, beta)) {
                break;
            }
            beta = candidate;
            current = accepted;
        }
        double[] coefficients = Arrays.copyOfRange(beta, 1, p + 1);
        boolean[] atBound = new boolean[p];
        for (int j = 0; j < p; j++) {
            coefficients[j] += 0.0; // no -0.0 in a report
            atBound[j] = sign[j] != 0 && coefficients[j] == 0;
        }
        return new Fit(beta[0], coefficients, atBound, current.objective, current.gradient, iteration, converged);
    }

    /**
     * Newton on the free coefficients; the epsilon-active ones (within epsilon of the bound, gradient pushing
     * outward) a diagonally scaled gradient step, so the projection puts them on the bound.
     */
    private static double[] direction(double[] beta, Evaluation at, int[] sign) {
        int d = beta.length;
        double[] g = at.gradient;
        double epsilon = Math.min(EPSILON_ACTIVE, distanceToProjectedGradientStep(beta, g, sign));
        boolean[] active = new boolean[d];
        int free = 0;
        for (int j = 0; j < d; j++) {
            int s = j == 0 ? 0 : sign[j - 1];
            active[j] = s != 0 && s * beta[j] <= epsilon && s * g[j] > 0;
            if (!active[j]) {
                free++;
            }
        }
        double[] direction = new double[d];
        for (int j = 0; j < d; j++) {
            if (active[j]) {
                direction[j] = -g[j] / Math.max(at.hessian(j, j), 1e-12);
            }
        }
        int[] index = new int[free];
        for (int j = 0, k = 0; j < d; j++) {
            if (!active[j]) {
                index[k++] = j;
            }
        }
        double[][] block = new double[free][free];
        double[] rhs = new double[free];
        for (int a = 0; a < free; a++) {
            rhs[a] = -g[index[a]];
            for (int b = 0; b < free; b++) {
                block[a][b] = at.hessian(index[a], index[b]);
            }
        }
        double[] step = solve(block, rhs);
        for (int a = 0; a < free; a++) {
            direction[index[a]] = step[a];
        }
        return direction;
    }

    /** Solves the (symmetric positive definite) Newton system; a scaled gradient step if it is numerically singular. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        if (rhs.length == 0) {
            return rhs;
        }
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(matrix, false);
        RealVector b = new ArrayRealVector(rhs, false);
        try {
            DecompositionSolver solver = new CholeskyDecomposition(m).getSolver();
            return solver.solve(b).toArray();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            try {
                return new QRDecomposition(m).getSolver().solve(b).toArray();
            } catch (SingularMatrixException singular) {
                double[] step = new double[rhs.length];
                for (int a = 0; a < rhs.length; a++) {
                    step[a] = rhs[a] / Math.max(matrix[a][a], 1e-12);
                }
                return step;
            }
        }
    }

    /** The largest violation of the optimality conditions; 0 exactly at the constrained optimum. */
    static double projectedGradient(double[] beta, double[] gradient, int[] sign) {
        double worst = 0;
        for (int j = 0; j < beta.length; j++) {
            int s = j == 0 ? 0 : sign[j - 1];
            boolean onBound = s != 0 && beta[j] == 0;
            // On the bound a gradient pushing outward (s * g >= 0) is what optimality asks for.
            double violation = onBound && s * gradient[j] >= 0 ? 0 : Math.abs(gradient[j]);
            worst = Math.max(worst, violation);
        }
        return worst;
    }

    private static double distanceToProjectedGradientStep(double[] beta, double[] g, int[] sign) {
        double sum = 0;
        for (int j = 0; j < beta.length; j++) {
            int s = j == 0 ? 0 : sign[j - 1];
            double moved = beta[j] - g[j];
            if (s != 0 && s * moved < 0) {
                moved = 0;
            }
            sum += (beta[j] - moved) * (beta[j] - moved);
        }
        return Math.sqrt(sum);
    }

    private static void project(double[] beta, int[] sign) {
        for (int j = 1; j < beta.length; j++) {
            int s = sign[j - 1];
            if (s != 0 && s * beta[j] < 0) {
                beta[j] = 0;
            }
        }
    }

    /** Objective, gradient and (packed upper) Hessian at one point. */
    private static final class Evaluation {
        final double objective;
        final double[] gradient;
        final double[] packed;
        final int d;

        Evaluation(double objective, double[] gradient, double[] packed, int d) {
            this.objective = objective;
            this.gradient = gradient;
            this.packed = packed;
            this.d = d;
        }

        double hessian(int a, int b) {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            // Row lo of the packed upper triangle starts after rows 0..lo-1 (d, d-1, ... entries).
            return packed[lo * d - lo * (lo - 1) / 2 + (hi - lo)];
        }
    }

    /**
     * One pass over the rows: {@code sum logloss + 1/2 ||b||^2}, its gradient and, when asked, its Hessian
     * {@code sum w z z^T + diag(0, 1, .., 1)} with {@code z = (1, x)} and {@code w = p (1 - p)}.
     *
     * <p>Rows are taken in blocks of {@value #BLOCK}: the block's features are laid out column by column, and the
     * gradient and the 66 (for 10 measures) Hessian entries are dot products along those columns, each kept in
     * registers with four partial sums. Accumulating into the Hessian row by row instead spends most of a fit
     * reading and writing the same small array.
     */
    private static Evaluation evaluate(FeatureMatrix data, int[] rows, double[] mean, double[] beta, boolean hessian) {
        int p = data.p();
        int d = p + 1;
        double[] x = data.x();
        boolean[] y = data.y();
        int count = rows == null ? data.n() : rows.length;
        // z: column a of the block (a = 0 the intercept's constant 1) at a * BLOCK .. a * BLOCK + BLOCK - 1.
        double[] z = new double[d * BLOCK];
        Arrays.fill(z, 0, BLOCK, 1.0);
        double[] residual = new double[BLOCK];
        double[] weight = new double[BLOCK];
        double[] weighted = new double[BLOCK];
        double[] g = new double[d];
        double[] h = hessian ? new double[d * (d + 1) / 2] : null;
        double f = 0;
        for (int start = 0; start < count; start += BLOCK) {
            int len = Math.min(BLOCK, count - start);
            for (int r = 0; r < len; r++) {
                int row = rows == null ? start + r : rows[start + r];
                int base = row * p;
                double eta = beta[0];
                for (int j = 0; j < p; j++) {
                    double v = x[base + j];
                    if (v != v) {
                        v = mean[j];
                    }
                    z[(j + 1) * BLOCK + r] = v;
                    eta += beta[j + 1] * v;
                }
                // log(1 + e^eta) and the probability from one exp, stable for any eta. (log(1 + e) rather than
                // log1p(e): e <= 1, so the difference is below 1e-16 a row, and log is several times faster.)
                double e = Math.exp(-Math.abs(eta));
                double softplus = Math.max(eta, 0) + Math.log(1 + e);
                double prob = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
                boolean positive = y[row];
                f += positive ? softplus - eta : softplus;
                residual[r] = positive ? prob - 1 : prob;
                weight[r] = prob * (1 - prob);
            }
            for (int a = 0; a < d; a++) {
                g[a] += dot(residual, z, a * BLOCK, len);
            }
            if (h != null) {
                int at = 0;
                for (int a = 0; a < d; a++) {
                    int offset = a * BLOCK;
                    for (int r = 0; r < len; r++) {
                        weighted[r] = weight[r] * z[offset + r];
                    }
                    int b = a;
                    for (; b + 3 < d; b += 4) {
                        dot4(weighted, z, b * BLOCK, len, h, at);
                        at += 4;
                    }
                    for (; b < d; b++) {
                        h[at++] += dot(weighted, z, b * BLOCK, len);
                    }
                }
            }
        }
        for (int j = 1; j < d; j++) {
            f += 0.5 * beta[j] * beta[j];
            g[j] += beta[j];
        }
        if (h != null) {
            for (int j = 1; j < d; j++) {
                h[j * d - j * (j - 1) / 2] += 1;
            }
        }
        return new Evaluation(f, g, h, d);
    }

    /**
     * Four dot products at once, of {@code u} with the four consecutive block columns of {@code v} from
     * {@code offset}, added to {@code out[at..at+3]}: each u[r] is read once for four sums that do not wait on
     * each other.
     */
    private static void dot4(double[] u, double[] v, int offset, int len, double[] out, int at) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int o1 = offset + BLOCK;
        int o2 = o1 + BLOCK;
        int o3 = o2 + BLOCK;
        for (int r = 0; r < len; r++) {
            double ur = u[r];
            s0 += ur * v[offset + r];
            s1 += ur * v[o1 + r];
            s2 += ur * v[o2 + r];
            s3 += ur * v[o3 + r];
        }
        out[at] += s0;
        out[at + 1] += s1;
        out[at + 2] += s2;
        out[at + 3] += s3;
    }

    /** {@code sum_r u[r] v[offset + r]} for r below len, in four independent partial sums. */
    private static double dot(double[] u, double[] v, int offset, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < len; r += 4) {
            s0 += u[r] * v[offset + r];
            s1 += u[r + 1] * v[offset + r + 1];
            s2 += u[r + 2] * v[offset + r + 2];
            s3 += u[r + 3] * v[offset + r + 3];
        }
        for (; r < len; r++) {
            s0 += u[r] * v[offset + r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
