package io.aiplatform.api.web;

import org.apache.catalina.connector.Request;

/**
 * Told about each request Tomcat answered with an error without passing it to the filters (an
 * unreadable URI, request line or header), so that it can be recorded like every other refusal.
 */
public interface UnroutedRequests {

  /** The request, its status already set; called before its problem body is written. */
  void refused(Request request);
}
