/**
 * The evaluation report as one self-contained HTML page (DESIGN.md 3.6): {@link
 * org.healthscore.service.reports.ReportPage} renders a {@link org.healthscore.service.reports.ReportData} to
 * well-formed XHTML with inline CSS and SVG charts drawn here (no script, nothing fetched). Pure: no I/O, no
 * clock. One report's sections are rendered by {@code Sections} with an id prefix, the seam for a challenger
 * column beside it; each chart and section is its own small class over {@code Markup} (the escaping writer),
 * {@code Plot} (scales and axes) and {@code Numbers} (formatting).
 */
package org.healthscore.service.reports;
