package jp.digilab.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.robots.browser.Evidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The robot's screenshots of a failed record ({@code evidence/RUN/RECORD/*.png}), by id:
 * the run and the record must be known to the database, the folder name is derived from
 * the record key as the robot derived it, and a screenshot is picked by its number in the
 * folder's sorted listing. No path ever comes from a request, and links are not followed.
 */
@Service
public class RunEvidence {

	private final JdbcClient jdbc;

	private final DigilabHome home;

	public RunEvidence(JdbcClient jdbc, DigilabHome home) {
		this.jdbc = jdbc;
		this.home = home;
	}

	/** The numbers of a record's screenshots (0, 1, …), none when it has none. */
	public List<Integer> screenshots(String runId, String recordKey) {
		return IntStream.range(0, pngs(runId, recordKey).size()).boxed().toList();
	}

	/** A screenshot's bytes, or empty for an unknown run, record or number. */
	public Optional<byte[]> screenshot(String runId, String recordKey, int number) {
		if (!known(runId, recordKey)) {
			return Optional.empty();
		}
		List<Path> files = pngs(runId, recordKey);
		if (number < 0 || number >= files.size()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readAllBytes(files.get(number)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private boolean known(String runId, String recordKey) {
		return this.jdbc.sql("select count(*) from dl_record where run_id = ? and record_key = ?")
			.params(runId, recordKey)
			.query(Integer.class)
			.single() > 0;
	}

	private List<Path> pngs(String runId, String recordKey) {
		Path root = this.home.root().resolve("evidence").normalize();
		Path folder = root.resolve(Evidence.folderName(runId)).resolve(Evidence.folderName(recordKey)).normalize();
		if (!folder.startsWith(root) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((f) -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
				.filter((f) -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
