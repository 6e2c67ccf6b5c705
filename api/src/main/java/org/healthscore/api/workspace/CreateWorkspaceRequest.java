package org.healthscore.api.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateWorkspaceRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
