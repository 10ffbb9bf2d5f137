package io.aiplatform.testsupport.faults;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS operation an HTTP request to an AWS endpoint is, such as {@code CreateBucket} or {@code
 * CreateDatabase}: from the {@code X-Amz-Target} header of the JSON protocols, the {@code Action}
 * of the query protocol, or method, path and sub-resource of S3's REST protocol.
 *
 * @param service the service, as far as the request says ({@code s3}, {@code AWSGlue}, ...)
 * @param name the operation
 */
public record AwsOperation(String service, String name) {

  private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");

  /** S3 sub-resources (the query's first key) that name an operation per method. */
  private static final Map<String, String> S3_SUBRESOURCES =
      Map.ofEntries(
          Map.entry("PUT tagging", "PutBucketTagging"),
          Map.entry("GET tagging", "GetBucketTagging"),
          Map.entry("DELETE tagging", "DeleteBucketTagging"),
          Map.entry("PUT versioning", "PutBucketVersioning"),
          Map.entry("GET versioning", "GetBucketVersioning"),
          Map.entry("PUT encryption", "PutBucketEncryption"),
          Map.entry("GET encryption", "GetBucketEncryption"),
          Map.entry("PUT publicAccessBlock", "PutPublicAccessBlock"),
          Map.entry("GET publicAccessBlock", "GetPublicAccessBlock"),
          Map.entry("DELETE publicAccessBlock", "DeletePublicAccessBlock"),
          Map.entry("PUT lifecycle", "PutBucketLifecycleConfiguration"),
          Map.entry("GET lifecycle", "GetBucketLifecycleConfiguration"),
          Map.entry("PUT notification", "PutBucketNotificationConfiguration"),
          Map.entry("GET notification", "GetBucketNotificationConfiguration"),
          Map.entry("GET versions", "ListObjectVersions"),
          Map.entry("POST delete", "DeleteObjects"),
          Map.entry("GET list-type", "ListObjectsV2"));

  /** The operation of a request, given its method, URI, headers and body. */
  public static AwsOperation of(String method, URI uri, String target, byte[] body) {
    if (target != null && target.contains(".")) {
      int dot = target.lastIndexOf('.');
      return new AwsOperation(target.substring(0, dot), target.substring(dot + 1));
    }
    String form = new String(body, StandardCharsets.UTF_8);
    Matcher action = ACTION.matcher(form);
    if ("POST".equals(method) && action.find()) {
      return new AwsOperation("query", action.group(1));
    }
    return new AwsOperation("s3", s3(method, uri));
  }

  private static String s3(String method, URI uri) {
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    String[] segments = path.replaceFirst("^/", "").split("/", 2);
    boolean bucketLevel = segments.length == 1 || segments[1].isEmpty();
    if (query != null && !query.isEmpty()) {
      String first = query.split("&")[0].split("=")[0];
      String named = S3_SUBRESOURCES.get(method + " " + first);
      if (named != null) {
        return named;
      }
    }
    if (path.equals("/") || path.isEmpty()) {
      return "GET".equals(method) ? "ListBuckets" : method + " /";
    }
    return switch (method + (bucketLevel ? " bucket" : " object")) {
      case "PUT bucket" -> "CreateBucket";
      case "HEAD bucket" -> "HeadBucket";
      case "DELETE bucket" -> "DeleteBucket";
      case "GET bucket" -> "ListObjects";
      case "PUT object" -> "PutObject";
      case "GET object" -> "GetObject";
      case "HEAD object" -> "HeadObject";
      case "DELETE object" -> "DeleteObject";
      default -> method + " " + path;
    };
  }
}
