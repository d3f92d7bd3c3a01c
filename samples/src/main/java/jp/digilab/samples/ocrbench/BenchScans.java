package jp.digilab.samples.ocrbench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.digilab.samples.Json;
import jp.digilab.samples.scans.FormLayout;
import jp.digilab.samples.scans.SampleScanGenerator;

/**
 * Makes the benchmark's scans: random applicants on the two sample forms (in turns), each
 * scanned with random defects, their ground truth ({@code truth.json}) and defects
 * ({@code defects.csv}). Deterministic by seed: every random choice is drawn up front
 * from one seeded generator.
 */
final class BenchScans {

	private BenchScans() {
	}

	/**
	 * Generate the scans.
	 * @param generator the sample form's renderer
	 * @param count how many scans
	 * @param seed the seed of every random choice
	 * @param dir where the scans and {@code truth.json} go
	 * @param workers how many threads render them
	 * @return the scans, in order
	 * @throws IOException if a file cannot be written
	 */
	static List<BenchScan> generate(SampleScanGenerator generator, int count, long seed, Path dir, int workers)
			throws IOException {
		Files.createDirectories(dir);
		Random random = new Random(seed);
		RandomApplicants applicants = new RandomApplicants(random.nextLong());
		List<BenchScan> scans = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			Defects defects = Defects.random(random);
			// the forms take turns: odd scans the tuned form, even scans the untuned one
			RandomApplicants.Filled filled = applicants.next(FormLayout.ALL.get((i - 1) % FormLayout.ALL.size()));
			String name = String.format("scan-%04d.%s", i, defects.format());
			scans.add(new BenchScan(dir.resolve(name), filled, defects));
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
		try {
			List<Future<?>> done = new ArrayList<>();
			for (BenchScan scan : scans) {
				done.add(pool.submit(() -> write(generator, scan)));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof UncheckedIOException io) ? io.getCause() : new IOException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, Map<String, String>> truth = new LinkedHashMap<>();
		for (BenchScan scan : scans) {
			truth.put(scan.name(), scan.filled().truth());
		}
		Files.writeString(dir.resolve("truth.json"), Json.objects(truth), StandardCharsets.UTF_8);
		StringBuilder defects = new StringBuilder("file,form,defects\n");
		scans.forEach((s) -> defects.append(s.name())
			.append(',')
			.append(s.filled().form().id())
			.append(',')
			.append(s.defects().describe())
			.append('\n'));
		Files.writeString(dir.resolve("defects.csv"), defects, StandardCharsets.UTF_8);
		return scans;
	}

	private static void write(SampleScanGenerator generator, BenchScan scan) {
		RandomApplicants.Filled filled = scan.filled();
		BufferedImage printed = generator.printed(filled.form(), filled.printed(), filled.ticked());
		try {
			ScanFiles.write(scan.defects().apply(printed, filled.form()), scan.defects(), scan.file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One generated scan.
	 *
	 * @param file the scan file
	 * @param filled what is typed and ticked on it, and the truth
	 * @param defects what the scanner did
	 */
	record BenchScan(Path file, RandomApplicants.Filled filled, Defects defects) {

		String name() {
			return this.file.getFileName().toString();
		}

	}

}
