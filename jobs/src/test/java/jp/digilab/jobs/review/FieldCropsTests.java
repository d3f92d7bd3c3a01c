package jp.digilab.jobs.review;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.FieldResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Crops come only from scans inside done/ or work/, at 150 DPI with a margin. */
class FieldCropsTests {

	static final Path SCAN = Path.of("..", "samples", "home", "inbox", "juminhyo", "scan-001.png");

	@TempDir
	Path dir;

	@Test
	void aFieldIsCutFromAScanInDone() throws Exception {
		DigilabHome home = new DigilabHome(this.dir);
		Path scan = Files.createDirectories(home.done()).resolve("scan-001.png");
		Files.copy(SCAN, scan);
		Optional<BufferedImage> crop = new FieldCrops(home).crop(item(scan), "postal_code");
		assertThat(crop).hasValueSatisfying((image) -> {
			// no template in this home: A4, the box as stored, 3 mm round it, 150 DPI
			assertThat(image.getWidth()).isCloseTo((int) Math.round(135 / 25.4 * 150), within(2));
			assertThat(image.getHeight()).isCloseTo((int) Math.round(18 / 25.4 * 150), within(2));
		});
		assertThat(new FieldCrops(home).crop(item(scan), "no_such_field")).isEmpty();
	}

	@Test
	void scansOutsideTheScanFoldersAreNotRead() throws Exception {
		DigilabHome home = new DigilabHome(this.dir.resolve("home"));
		Files.createDirectories(home.done());
		Path outside = Files.copy(SCAN, this.dir.resolve("outside.png"));
		FieldCrops crops = new FieldCrops(home);
		assertThat(crops.crop(item(outside), "postal_code")).isEmpty();
		assertThat(crops.crop(item(home.done().resolve("../../outside.png")), "postal_code")).isEmpty();
		// a link inside done/ that leads out of it is not followed either
		Path link = Files.createSymbolicLink(home.done().resolve("link.png"), outside);
		assertThat(crops.crop(item(link), "postal_code")).isEmpty();
		assertThat(crops.crop(item(home.done().resolve("missing.png")), "postal_code")).isEmpty();
	}

	private static ReviewItem item(Path scan) {
		FieldResult postal = new FieldResult("8O3-85O1", "8O3-85O1", 0.41, true, List.of(), 1,
				new double[] { 65, 110, 129, 12 });
		return new ReviewItem("run-1-1", "run", "job", "dept", "scan-001.png", scan, List.of(1), null,
				Map.of("postal_code", postal), List.of("postal_code"), Map.of());
	}

}
