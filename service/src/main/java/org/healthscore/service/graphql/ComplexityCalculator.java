package org.healthscore.service.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import org.healthscore.service.paging.PageRequest;

/** A field costs 1 plus its children; a paged list costs its children once per item it may return. */
final class ComplexityCalculator implements FieldComplexityCalculator {

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        Object first = env.getArguments().get("first");
        if (env.getFieldDefinition().getArgument("first") != null) {
            int items = first instanceof Integer n ? Math.max(n, 1) : PageRequest.DEFAULT_LIMIT;
            return 1 + items * Math.max(childComplexity, 1);
        }
        return 1 + childComplexity;
    }
}
