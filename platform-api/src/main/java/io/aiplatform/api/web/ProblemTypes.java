package io.aiplatform.api.web;

/** The stable {@code type} URIs of the API's problem details; clients may switch on them. */
public final class ProblemTypes {

  private static final String BASE = "https://aiplatform.io/problems/";

  /** A field is missing, malformed or out of range. */
  public static final String VALIDATION = BASE + "validation";

  /** The body is not JSON or not the expected shape. */
  public static final String MALFORMED = BASE + "malformed-request";

  /** The body is larger than the API accepts. */
  public static final String PAYLOAD_TOO_LARGE = BASE + "payload-too-large";

  /** The body's content type is not JSON. */
  public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";

  /** The response cannot be given in an accepted media type. */
  public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";

  /** No such resource. */
  public static final String NOT_FOUND = BASE + "not-found";

  /** The method is not supported on the path. */
  public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";

  /** A system of that name exists. */
  public static final String DUPLICATE_NAME = BASE + "duplicate-name";

  /** The system's state does not allow the operation. */
  public static final String INVALID_STATE = BASE + "invalid-state";

  /** An idempotency key was reused with a different request. */
  public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";

  /** No valid bearer token. */
  public static final String UNAUTHORIZED = BASE + "unauthorized";

  /** The token lacks the scope the operation needs. */
  public static final String FORBIDDEN = BASE + "forbidden";

  /** The API is saturated (no database connection free in time); retry after a moment. */
  public static final String UNAVAILABLE = BASE + "unavailable";

  /** Something failed on our side. */
  public static final String INTERNAL = BASE + "internal";

  private ProblemTypes() {}
}
