package io.aiplatform.enrichment.enrich;

/** Why an event went to the error destination instead of the delivery stream. */
enum ErrorReason {
  INVALID_JSON("invalid_json"),
  MISSING_PRODUCT_ID("missing_product_id"),
  INVALID_PRODUCT_ID("invalid_product_id"),
  RECORD_TOO_LARGE("record_too_large");

  private final String code;

  ErrorReason(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }
}
