package io.aiplatform.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops a test run before its first test when there are no backing services, so that the run ends
 * with one message saying what to do instead of a stack of connection errors per test.
 */
public final class BackingServicesCheck implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    BackingServices.source().verifyReachable();
  }
}
