package jp.digilab.app.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local PostgreSQL that {@code ./digilab test} starts ({@code DIGILAB_TEST_PG_URL},
 * as for {@code PostgresFunctionalTests}); tests that need it are skipped without it.
 */
final class TestPostgres {

	static final String URL = System.getenv("DIGILAB_TEST_PG_URL");

	static final String USER = envOr("DIGILAB_TEST_PG_USER", "digilab");

	static final String PASSWORD = envOr("DIGILAB_TEST_PG_PASSWORD", "digilab");

	private TestPostgres() {
	}

	static boolean configured() {
		return URL != null && !URL.isBlank();
	}

	/**
	 * The test database belongs to the tests: each test class starts from an empty one.
	 */
	static void emptySchema() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(URL, USER, PASSWORD);
	}

	/** The environment that points an engine process at the test database. */
	static Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("DIGILAB_DB_URL", URL);
		env.put("DIGILAB_DB_USER", USER);
		env.put("DIGILAB_DB_PASSWORD", PASSWORD);
		return env;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
