package io.aiplatform.api;

/**
 * One bad field of a request.
 *
 * @param field the field's JSON path, such as {@code lambda_config.memory} or {@code
 *     data_sources[2]}
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {}
