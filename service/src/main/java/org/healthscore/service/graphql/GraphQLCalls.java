package org.healthscore.service.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.healthscore.service.auth.Caller;

/** What every data fetcher needs from the request: who is calling. */
final class GraphQLCalls {

    private GraphQLCalls() {
    }

    static Caller caller(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(Caller.class);
    }
}
