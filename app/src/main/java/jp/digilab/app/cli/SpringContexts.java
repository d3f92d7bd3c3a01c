package jp.digilab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.digilab.app.DigilabApplication;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for commands that need the database, jobs or the server.
 */
public final class SpringContexts {

	private SpringContexts() {
	}

	public static ConfigurableApplicationContext start(Path home, boolean server, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("digilab.home", home.toString());
		properties.put("spring.config.additional-location", "optional:file:" + home.resolve("digilab.yml"));
		properties.put("spring.quartz.auto-startup", server);
		properties.put("digilab.scheduler.enabled", server);
		properties.putAll(extra);
		if (!server) {
			// the command prints what matters; the full log goes to HOME/logs/digilab.log
			properties.putIfAbsent("logging.threshold.console", "OFF");
		}
		// passed as command-line properties so that they win over application.yml
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(DigilabApplication.class).profiles(databaseProfiles(System.getenv()))
			.bannerMode(Banner.Mode.OFF)
			.web(server ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
	}

	/**
	 * {@code DIGILAB_DB_URL} selects PostgreSQL (profile {@code postgres}, see
	 * application-postgres.yml); without it the H2 file database in the home folder is
	 * used.
	 */
	static String[] databaseProfiles(Map<String, String> env) {
		String url = env.get("DIGILAB_DB_URL");
		if (url == null || url.isBlank()) {
			return new String[0];
		}
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException(
					"DIGILAB_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), not " + url);
		}
		return new String[] { "postgres" };
	}

}
