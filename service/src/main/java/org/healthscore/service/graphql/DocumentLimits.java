package org.healthscore.service.graphql;

import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses a document with too many operations or aliased fields before it is validated: depth and
 * complexity limits count one operation's shape, but aliases repeat a field under new names and
 * extra operations cost parsing and validation, so both get their own caps.
 */
final class DocumentLimits extends SimplePerformantInstrumentation {

    private final int maxOperations;
    private final int maxAliases;

    DocumentLimits(int maxOperations, int maxAliases) {
        this.maxOperations = maxOperations;
        this.maxAliases = maxAliases;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                                                               InstrumentationExecutionParameters parameters,
                                                               InstrumentationState state) {
        Document document = documentAndVariables.getDocument();
        int operations = document.getDefinitionsOfType(OperationDefinition.class).size();
        if (operations > maxOperations) {
            throw new LimitExceeded("The document holds " + operations + " operations; graphql.maxOperations"
                    + " allows " + maxOperations, "graphql.maxOperations", maxOperations);
        }
        int aliases = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            aliases += aliases(operation.getSelectionSet());
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            aliases += aliases(fragment.getSelectionSet());
        }
        if (aliases > maxAliases) {
            throw new LimitExceeded("The document holds " + aliases + " aliased fields; graphql.maxAliases allows "
                    + maxAliases, "graphql.maxAliases", maxAliases);
        }
        return documentAndVariables;
    }

    private static int aliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                count += aliases(inline.getSelectionSet());
            }
        }
        return count;
    }
}
