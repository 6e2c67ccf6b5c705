package org.healthscore.service.scorecards;

import java.util.List;
import org.healthscore.api.scorecard.AppliesTo;
import org.healthscore.api.scorecard.BandLimits;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.MissingDataSettings;
import org.healthscore.api.scorecard.Scorecard;

/** What a draft or a published version holds, stored as one JSON document. */
record ScorecardDocument(String name, String description, Framework framework, AppliesTo appliesTo, BandLimits bands,
                         MissingDataSettings missingData, List<Scorecard.Measure> measures) {

    ScorecardDocument {
        appliesTo = appliesTo == null ? AppliesTo.ALL : appliesTo;
        // Field by field: {"bands": {"redBelow": 30}} keeps greenFrom at its default, not null.
        bands = bands == null ? BandLimits.DEFAULT : new BandLimits(
                bands.redBelow() != null ? bands.redBelow() : BandLimits.DEFAULT.redBelow(),
                bands.greenFrom() != null ? bands.greenFrom() : BandLimits.DEFAULT.greenFrom());
        missingData = missingData == null ? MissingDataSettings.DEFAULT : new MissingDataSettings(
                missingData.policy() != null ? missingData.policy() : MissingDataSettings.DEFAULT.policy(),
                missingData.minCoverage() != null ? missingData.minCoverage()
                        : MissingDataSettings.DEFAULT.minCoverage());
        measures = measures == null ? List.of() : List.copyOf(measures);
        framework = framework == null ? Framework.CUSTOM : framework;
    }
}
