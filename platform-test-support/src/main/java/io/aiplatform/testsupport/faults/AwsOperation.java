package io.aiplatform.testsupport.faults;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS operation an HTTP request to an AWS endpoint is, such as {@code CreateBucket} or {@code
 * CreateDatabase}: from the {@code X-Amz-Target} header of the JSON protocols, the {@code Action}
 * of the query protocol, method and path of the REST-JSON protocols of Lambda and API Gateway v2,
 * or method, path and sub-resource of S3's REST protocol.
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
    String rest = restJson(method, uri.getRawPath() == null ? "/" : uri.getRawPath());
    if (rest != null) {
      return new AwsOperation(
          rest.substring(0, rest.indexOf(' ')), rest.substring(rest.indexOf(' ') + 1));
    }
    return new AwsOperation("s3", s3(method, uri));
  }

  /** Lambda ({@code /2015-03-31/functions...}) and API Gateway v2 ({@code /v2/apis/...}). */
  private static String restJson(String method, String path) {
    String[] parts = path.replaceFirst("^/", "").split("/");
    if (parts[0].equals("2015-03-31") && parts.length >= 2 && parts[1].equals("functions")) {
      String sub = parts.length >= 4 ? parts[3] : parts.length == 3 ? "" : null;
      String op =
          switch (method + " " + (sub == null ? "functions" : sub)) {
            case "POST functions" -> "CreateFunction";
            case "GET " -> "GetFunction";
            case "DELETE " -> "DeleteFunction";
            case "PUT configuration" -> "UpdateFunctionConfiguration";
            case "PUT code" -> "UpdateFunctionCode";
            case "POST policy" -> "AddPermission";
            case "GET policy" -> "GetPolicy";
            case "DELETE policy" -> "RemovePermission";
            default -> method + " " + path;
          };
      return "lambda " + op;
    }
    if (parts[0].equals("2017-03-31") && parts.length >= 2 && parts[1].equals("tags")) {
      return "lambda "
          + ("GET".equals(method)
              ? "ListTags"
              : "POST".equals(method) ? "TagResource" : "UntagResource");
    }
    if (parts[0].equals("v2") && parts.length >= 4 && parts[1].equals("apis")) {
      String noun =
          parts[3].equals("routes")
              ? "Route"
              : parts[3].equals("integrations") ? "Integration" : null;
      if (noun == null) {
        return "apigateway " + method + " " + path;
      }
      boolean one = parts.length >= 5;
      String op =
          switch (method) {
            case "POST" -> "Create" + noun;
            case "GET" -> one ? "Get" + noun : "Get" + noun + "s";
            case "PATCH" -> "Update" + noun;
            case "DELETE" -> "Delete" + noun;
            default -> method + " " + path;
          };
      return "apigateway " + op;
    }
    return null;
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
