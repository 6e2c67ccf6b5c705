package org.healthscore.service.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's depth limit, with an error that names the setting to raise. */
final class DepthLimit extends MaxQueryDepthInstrumentation {

    DepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new LimitExceeded("The query is " + depth + " levels deep; graphql.maxDepth allows " + maxDepth
                + " (maximum query depth exceeded " + depth + " > " + maxDepth + ")", "graphql.maxDepth", maxDepth);
    }
}
