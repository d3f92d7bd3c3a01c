package jp.digilab.robots;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where {@code ${secret:NAME}} comes from: an environment variable {@code NAME}, else the
 * entry {@code NAME} of {@code HOME/secrets.properties} (UTF-8). The environment wins, so
 * that an operator can override the file for one run without editing it. Values are never
 * shown by {@link #toString()}.
 */
public final class SecretStore {

	/** The secrets file in the home folder. */
	public static final String FILE_NAME = "secrets.properties";

	private final Map<String, String> file;

	private final Map<String, String> env;

	private SecretStore(Map<String, String> file, Map<String, String> env) {
		this.file = Map.copyOf(file);
		this.env = env;
	}

	/**
	 * Secrets from the process environment and {@code homeDir/secrets.properties}.
	 * @param homeDir the home folder (the file is optional)
	 * @return the store
	 * @throws RobotScriptException if the file exists but cannot be read
	 */
	public static SecretStore load(Path homeDir) {
		return load(homeDir, System.getenv());
	}

	/**
	 * Secrets from the given environment and {@code homeDir/secrets.properties}.
	 * @param homeDir the home folder (the file is optional)
	 * @param env the environment
	 * @return the store
	 */
	public static SecretStore load(Path homeDir, Map<String, String> env) {
		Map<String, String> fromFile = new HashMap<>();
		Path path = homeDir.resolve(FILE_NAME);
		if (Files.isRegularFile(path)) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new RobotScriptException(RobotReasons.AT_LINE.text(path, 1,
						RobotReasons.SECRETS_UNREADABLE.text(ex.getClass().getSimpleName())));
			}
			properties.stringPropertyNames().forEach((name) -> fromFile.put(name, properties.getProperty(name)));
		}
		return new SecretStore(fromFile, Map.copyOf(env));
	}

	/**
	 * Secrets from a map (tests, or a caller with its own vault).
	 * @param secrets names to values
	 * @return the store
	 */
	public static SecretStore of(Map<String, String> secrets) {
		return new SecretStore(secrets, Map.of());
	}

	/**
	 * A secret's value.
	 * @param name the name
	 * @return the value: from the environment, else from the file
	 */
	public Optional<String> get(String name) {
		String value = this.env.get(name);
		return Optional.ofNullable((value != null) ? value : this.file.get(name));
	}

	@Override
	public String toString() {
		return "SecretStore[" + this.file.size() + " from file, values hidden]";
	}

}
