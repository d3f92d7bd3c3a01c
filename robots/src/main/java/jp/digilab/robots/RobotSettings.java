package jp.digilab.robots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a {@link RobotRunner} runs: the environment for {@code ${env:X}} (and
 * {@code DIGILAB_CHROMIUM} / {@code DIGILAB_CHROMEDRIVER} to point at other browser
 * binaries), the secrets, where evidence of failed records goes
 * ({@code EVIDENCE/RECORD/}), the number of browsers ({@code 0}: the script's
 * {@code pool}) and the per-step timeout.
 *
 * @param env environment variables
 * @param secrets secrets
 * @param evidenceDir the run's evidence folder, e.g. {@code HOME/evidence/RUN}
 * @param poolSize browsers in parallel, or 0 for the script's {@code pool}
 * @param stepTimeout how long a step waits for an element, a page, an alert (default 10
 * s)
 */
public record RobotSettings(Map<String, String> env, SecretStore secrets, Path evidenceDir, int poolSize,
		Duration stepTimeout) {

	/** The default step timeout. */
	public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

	public RobotSettings {
		env = Map.copyOf((env != null) ? env : System.getenv());
		secrets = (secrets != null) ? secrets : SecretStore.of(Map.of());
		evidenceDir = (evidenceDir != null) ? evidenceDir : Path.of("evidence");
		poolSize = Math.max(poolSize, 0);
		stepTimeout = (stepTimeout != null && !stepTimeout.isNegative() && !stepTimeout.isZero()) ? stepTimeout
				: DEFAULT_STEP_TIMEOUT;
	}

	/**
	 * Settings for a home folder: the process environment, secrets from the environment
	 * and {@code home/secrets.properties}, evidence under {@code home/evidence/RUN}.
	 * @param home the home folder
	 * @param runId the run's id (names the evidence folder)
	 * @return the settings
	 */
	public static RobotSettings forHome(Path home, String runId) {
		return new RobotSettings(System.getenv(), SecretStore.load(home), home.resolve("evidence").resolve(runId), 0,
				DEFAULT_STEP_TIMEOUT);
	}

	public RobotSettings withEnv(Map<String, String> newEnv) {
		return new RobotSettings(newEnv, this.secrets, this.evidenceDir, this.poolSize, this.stepTimeout);
	}

	public RobotSettings withSecrets(SecretStore newSecrets) {
		return new RobotSettings(this.env, newSecrets, this.evidenceDir, this.poolSize, this.stepTimeout);
	}

	public RobotSettings withEvidenceDir(Path dir) {
		return new RobotSettings(this.env, this.secrets, dir, this.poolSize, this.stepTimeout);
	}

	public RobotSettings withPoolSize(int size) {
		return new RobotSettings(this.env, this.secrets, this.evidenceDir, size, this.stepTimeout);
	}

	public RobotSettings withStepTimeout(Duration timeout) {
		return new RobotSettings(this.env, this.secrets, this.evidenceDir, this.poolSize, timeout);
	}

}
