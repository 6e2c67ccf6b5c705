package org.healthscore.service.scoring;

/**
 * Band thresholds (DESIGN.md 3.4): {@code score < redBelow} is RED, {@code score >= greenFrom} is GREEN, else
 * YELLOW. The one place a score becomes a band, so live scores, history and evaluations agree.
 */
public record Bands(double redBelow, double greenFrom) {

    public static final Bands DEFAULT = new Bands(40, 70);

    /**
     * Scores are weighted means of doubles, so a score that is exactly 70 on paper can come out as
     * 69.99999999999999. A score within this many points of a threshold counts as on it: far below any display
     * rounding, far above the rounding error of a weighted mean of 0-100 values.
     */
    static final double TOLERANCE = 1e-9;

    public Bands {
        if (!Double.isFinite(redBelow) || !Double.isFinite(greenFrom)) {
            throw new IllegalArgumentException("bands must be finite numbers");
        }
        if (redBelow < 0 || greenFrom > 100) {
            throw new IllegalArgumentException("bands must lie within 0-100, were redBelow " + redBelow
                    + ", greenFrom " + greenFrom);
        }
        if (redBelow > greenFrom) {
            throw new IllegalArgumentException("bands redBelow (" + redBelow + ") must not exceed greenFrom ("
                    + greenFrom + ")");
        }
    }

    public Band band(double score) {
        if (score < redBelow - TOLERANCE) {
            return Band.RED;
        }
        if (score >= greenFrom - TOLERANCE) {
            return Band.GREEN;
        }
        return Band.YELLOW;
    }
}
