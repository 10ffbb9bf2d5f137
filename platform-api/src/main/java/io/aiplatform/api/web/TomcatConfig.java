package io.aiplatform.api.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat answers what it refuses itself with problem details ({@link ProblemReportValve}). */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {

  @Bean
  ProblemReports problemReports(ObjectProvider<UnroutedRequests> unrouted) {
    return new ProblemReports(unrouted);
  }

  /**
   * Runs after Boot's own customizer, which installs a plain {@link ErrorReportValve} on the host:
   * that one is replaced, so the problem report is the only one.
   */
  static final class ProblemReports
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<UnroutedRequests> unrouted;

    ProblemReports(ObjectProvider<UnroutedRequests> unrouted) {
      this.unrouted = unrouted;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> replaceErrorReport(context.getParent(), unrouted));
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  private static void replaceErrorReport(
      Container host, ObjectProvider<UnroutedRequests> unrouted) {
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    ProblemReportValve valve =
        new ProblemReportValve(
            (Request request) -> unrouted.ifAvailable(listener -> listener.refused(request)));
    host.getPipeline().addValve(valve);
    if (host instanceof StandardHost standard) {
      // Otherwise the host adds its default HTML report when it starts.
      standard.setErrorReportValveClass(ProblemReportValve.class.getName());
    }
  }
}
