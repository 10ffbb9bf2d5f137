package io.aiplatform.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of platform-api, bound from {@code platform.api.*} (environment: {@code
 * PLATFORM_API_*}).
 *
 * @param resourcePrefix prefix of every AWS resource name a system gets; registrations are
 *     validated against the names it yields
 */
@Validated
@ConfigurationProperties("platform.api")
public record ApiProperties(
    @DefaultValue("platform") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]")
        String resourcePrefix) {}
