package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vizora.command.web.validation.ContractEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A new organisation and the account of its owner")
public record SignUpRequest(
        @NotBlank @Size(max = 200) String organisationName,
        @NotBlank @ContractEmail @Size(max = 254) String ownerEmail,
        @NotBlank @Size(max = 200) String ownerName,
        @NotNull @Size(min = 12, max = 128) @Schema(format = "password") String password) {

    @Override
    public String toString() {
        return "SignUpRequest[organisationName=" + organisationName + ", ownerEmail=" + ownerEmail + "]";
    }
}
