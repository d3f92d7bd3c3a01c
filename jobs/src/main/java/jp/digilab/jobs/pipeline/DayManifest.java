package jp.digilab.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code out/JOB/YYYY-MM-DD/manifest.json} (BRIEF.md): the index of every run's outputs
 * in the folder, rebuilt from the runs' own {@code manifest_RUN.json} files after each
 * export, so that a downstream reader finds one well-known file and two runs on a day
 * never overwrite each other's manifest.
 */
final class DayManifest {

	static final String NAME = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DayManifest() {
	}

	static Path update(Path dir, String jobId) throws IOException {
		ObjectNode index = JSON.createObjectNode();
		index.put("job", jobId);
		index.put("date", dir.getFileName().toString());
		ArrayNode runs = index.putArray("runs");
		try (Stream<Path> files = Files.list(dir)) {
			for (Path manifest : files.filter((f) -> f.getFileName().toString().matches("manifest_.+\\.json"))
				.sorted()
				.toList()) {
				runs.add(JSON.readTree(manifest.toFile()));
			}
		}
		Path temp = dir.resolve("." + NAME + ".tmp");
		JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), index);
		return Files.move(temp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
