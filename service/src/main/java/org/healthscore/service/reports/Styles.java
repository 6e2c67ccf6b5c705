package org.healthscore.service.reports;

/**
 * The page's stylesheet, inline. System fonts only (nothing to fetch). It holds no {@code <}, {@code >} or
 * {@code &}: HTML reads a style element's text raw while XML would need them escaped, so neither may appear.
 */
final class Styles {

    static final String CSS = """
            @page { size: A4; margin: 14mm 12mm; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: #1a1a1a; background: #ffffff; line-height: 1.45; font-size: 15px;
              max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
            h2 { font-size: 1.25rem; margin: 1.8rem 0 0.6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
            .about { color: #3d3d3d; margin: 0; }
            .verdict { border: 3px solid #6b6b6b; border-radius: 6px; padding: 0.2rem 1rem 0.8rem; margin-top: 1.2rem; }
            .verdict h2 { border: 0; margin-top: 0.6rem; }
            .verdict-predictive { border-color: #009E73; }
            .verdict-weak { border-color: #E69F00; border-style: dashed; }
            .verdict-not-predictive { border-color: #D55E00; border-style: double; border-width: 5px; }
            .badge { font-size: 1.5rem; font-weight: 700; margin: 0.2rem 0; }
            .mark { display: inline-block; min-width: 1.6rem; text-align: center; }
            .lead { font-size: 1.1rem; margin: 0.3rem 0 0.8rem; }
            .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.8rem;
              margin: 0; }
            .figures div { background: #f4f4f4; border-radius: 4px; padding: 0.5rem 0.7rem; }
            .figures dt { font-size: 0.85rem; color: #3d3d3d; }
            .figures dd { margin: 0; }
            .figures .figure { font-size: 1.35rem; font-weight: 700; }
            .figures .explain { font-size: 0.85rem; color: #3d3d3d; }
            .figures .figure .why { display: block; font-size: 0.85rem; }
            .why { font-weight: 400; font-size: 0.85em; color: #3d3d3d; }
            .findings li { margin: 0.25rem 0; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(21rem, 1fr)); gap: 1rem; }
            figure.chart { margin: 0; border: 1px solid #d9d9d9; border-radius: 4px; padding: 0.5rem; }
            figure.chart svg { width: 100%; height: auto; display: block; }
            figcaption { font-size: 0.85rem; color: #3d3d3d; margin-top: 0.3rem; }
            table { border-collapse: collapse; margin: 0.4rem 0; font-size: 0.9rem; }
            th, td { border-bottom: 1px solid #d9d9d9; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            thead th { border-bottom: 2px solid #1a1a1a; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            th.suggested { background: #eef5fb; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border: 1px solid #1a1a1a; }
            .swatch-red { background: #D55E00; }
            .swatch-yellow { background: #E69F00; }
            .swatch-green { background: #009E73; }
            tr.wrong-way th, .flag { font-weight: 700; }
            .note { font-size: 0.9rem; }
            footer { margin-top: 2rem; font-size: 0.8rem; color: #3d3d3d; }
            a { color: #0072B2; }
            @media print {
              html { font-size: 10pt; }
              body { font-size: 10pt; max-width: none; padding: 0; }
              .figures { grid-template-columns: repeat(4, 1fr); }
              h2 { break-after: avoid; page-break-after: avoid; }
              .charts { grid-template-columns: 1fr 1fr; }
              figure.chart, .verdict, table, tr { break-inside: avoid; page-break-inside: avoid; }
              .figures div { background: none; border: 1px solid #d9d9d9; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private Styles() {
    }
}
