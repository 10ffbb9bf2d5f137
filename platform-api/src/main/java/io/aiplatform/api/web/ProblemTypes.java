package io.aiplatform.api.web;

import java.util.Map;

/** The stable {@code type} URIs of the API's problem details; clients may switch on them. */
public final class ProblemTypes {

  private static final String BASE = "https://aiplatform.io/problems/";

  /** A field is missing, malformed or out of range. */
  public static final String VALIDATION = BASE + "validation";

  /**
   * The body is not JSON or not the expected shape, or the request itself cannot be read (bad
   * percent-encoding, request line or headers).
   */
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

  /** Another system owns a route ({@code METHOD path}) the request names. */
  public static final String ROUTE_TAKEN = BASE + "route-taken";

  /** A change without {@code If-Match}: it must name the version it was made from. */
  public static final String PRECONDITION_REQUIRED = BASE + "precondition-required";

  /** The record changed since the version {@code If-Match} names. */
  public static final String PRECONDITION_FAILED = BASE + "precondition-failed";

  /** The system's state does not allow the operation. */
  public static final String INVALID_STATE = BASE + "invalid-state";

  /** An idempotency key was reused with a different request. */
  public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";

  /** No valid bearer token. */
  public static final String UNAUTHORIZED = BASE + "unauthorized";

  /** The token lacks the scope the operation needs. */
  public static final String FORBIDDEN = BASE + "forbidden";

  /**
   * The API cannot serve the request now (no database connection in time, or no room left to keep
   * audit records while the database is away); retry after a moment.
   */
  public static final String UNAVAILABLE = BASE + "unavailable";

  /** Something failed on our side. */
  public static final String INTERNAL = BASE + "internal";

  private static final Map<Integer, String> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, MALFORMED),
          Map.entry(401, UNAUTHORIZED),
          Map.entry(403, FORBIDDEN),
          Map.entry(404, NOT_FOUND),
          Map.entry(405, METHOD_NOT_ALLOWED),
          Map.entry(406, NOT_ACCEPTABLE),
          Map.entry(412, PRECONDITION_FAILED),
          Map.entry(413, PAYLOAD_TOO_LARGE),
          Map.entry(415, UNSUPPORTED_MEDIA_TYPE),
          Map.entry(428, PRECONDITION_REQUIRED),
          Map.entry(503, UNAVAILABLE));

  private ProblemTypes() {}

  /**
   * The type of a refusal known only by its status, as when the HTTP server or a filter refuses a
   * request: other 4xx are {@link #MALFORMED}, other 5xx {@link #INTERNAL}.
   */
  public static String forStatus(int status) {
    String type = BY_STATUS.get(status);
    if (type != null) {
      return type;
    }
    return status < 500 ? MALFORMED : INTERNAL;
  }
}
