package org.healthscore.bench;

/**
 * One line of the harness's table: a workload at one size, its figure beside the floor measured in the same run,
 * how many times the floor it costs, what one unit of work costs (so growth with size shows), and its target.
 *
 * @param units       how many units of work the size stands for (rows, accounts, accounts per request...)
 * @param ratio       cost relative to the floor: 1 is the floor itself, 2 twice as slow; NaN without a floor
 * @param costPerUnit the cost of one unit, in {@code costUnit}; NaN when it means nothing for this line
 */
record Measurement(String workload, String size, long units, String figure, String floor, double ratio,
                   double costPerUnit, String costUnit, Target target) {

    /** How many times the floor's time a job takes (both timing the same work). */
    static double timesFloor(double seconds, double floorSeconds) {
        return seconds / floorSeconds;
    }

    /** How many times slower a rate is than the floor's rate over the same units. */
    static double slowerThan(double rate, double floorRate) {
        return floorRate / rate;
    }
}
