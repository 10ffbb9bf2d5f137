package io.aiplatform.testsupport;

/**
 * A PostgreSQL database created for one test JVM.
 *
 * @param jdbcUrl its JDBC URL
 * @param username a user that owns it
 * @param password that user's password, empty with trust authentication
 */
public record TestDatabase(String jdbcUrl, String username, String password) {}
