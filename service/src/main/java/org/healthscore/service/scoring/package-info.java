/**
 * The scoring core of DESIGN.md 3.2-3.4: observations and a scorecard recipe in, a health score with its
 * breakdown out. Plain values and pure functions only (no I/O, no clock, no framework), so every number can
 * be recomputed by hand and the core is unit-tested and benchmarked without a database or a server.
 *
 * <p>Time convention, used by every class here: an observation is an instant (epoch milliseconds, UTC); a date
 * such as {@code asOf} means the <em>end of that day, UTC</em>, i.e. its last instant. Read that way, the
 * spec's window {@code asOf - windowDays < observedAt <= asOf} is exactly the half-open interval
 * {@code [start of day (asOf - windowDays + 1), start of day (asOf + 1))}: the last {@code windowDays} whole
 * UTC calendar days. Windows of consecutive dates tile without gap or overlap, and a value imported as a bare
 * date (stored at 00:00Z of that date) falls in that date's window.
 */
package org.healthscore.service.scoring;
