package org.healthscore.service.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's complexity limit with our field costs, and an error that names the setting. */
final class ComplexityLimit extends MaxQueryComplexityInstrumentation {

    ComplexityLimit(int maxComplexity) {
        super(maxComplexity, new ComplexityCalculator());
    }

    @Override
    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return new LimitExceeded("The query may cost " + complexity + " (a paged list costs its fields once per"
                + " item it may return); graphql.maxComplexity allows " + maxComplexity
                + " (maximum query complexity exceeded " + complexity + " > " + maxComplexity + ")",
                "graphql.maxComplexity", maxComplexity);
    }
}
