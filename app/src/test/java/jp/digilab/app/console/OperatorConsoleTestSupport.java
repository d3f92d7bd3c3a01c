package jp.digilab.app.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

import jp.digilab.app.demo.Demo;
import jp.digilab.app.demo.DemoHomes;
import jp.digilab.jobs.pipeline.RobotEnvironment;
import jp.digilab.samples.legacy.LegacySystem;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for the operator's console tests on real parts: a fresh copy of
 * the sample home, the sample legacy system for the robot, the schedule registrar with
 * Quartz's JDBC job store (Quartz itself not started, so nothing fires by itself), and
 * one OCR worker so that a run goes file by file.
 */
@SpringBootTest(properties = { "spring.quartz.auto-startup=false", "digilab.scheduler.enabled=true",
		"digilab.inbox.enabled=false", "digilab.ocr.workers=1", "digilab.inbox.settle-seconds=0" })
@AutoConfigureMockMvc
public abstract class OperatorConsoleTestSupport {

	protected static final Path home = DemoHomes.freshCopy();

	protected static final LegacySystem legacy = startLegacySystem();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	RobotEnvironment robotEnvironment;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	@BeforeEach
	void robotsUseTheSampleLegacySystem() {
		this.robotEnvironment.put("LEGACY_URL", legacy.url().toString().replaceAll("/$", ""));
	}

	private static LegacySystem startLegacySystem() {
		try {
			LegacySystem system = Demo.startLegacySystem(home);
			Runtime.getRuntime().addShutdownHook(new Thread(system::close));
			return system;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same PNG with a text chunk after its header: the same pixels, but other bytes,
	 * so that the engine does not take it for a duplicate of a scan it already read.
	 */
	protected static byte[] withTextChunk(byte[] png, String text) {
		byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
		byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 crc)
		int afterHeader = 8 + 25;
		out.write(png, 0, afterHeader);
		writeInt(out, data.length);
		out.writeBytes(type);
		out.writeBytes(data);
		writeInt(out, (int) crc.getValue());
		out.write(png, afterHeader, png.length - afterHeader);
		return out.toByteArray();
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

}
