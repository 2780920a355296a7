package org.fanzha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fanzha.sim.typology.Typology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gangs laundering in AMLSim's shapes ({@code --typologies}) record the shape per mule;
 * the default world records its layered chains.
 */
class TypologyWorldTest {

	static Set<String> typologies(Path dir) throws IOException {
		List<String> lines = Files.readAllLines(dir.resolve("truth/mule_typologies.csv"));
		Set<String> out = new TreeSet<>();
		for (String l : lines.subList(1, lines.size())) {
			out.add(l.split(",")[1]);
		}
		return out;
	}

	@Test
	void eachGangLaundersInItsShapeAndTheDefaultStaysLayered(@TempDir Path tmp) throws IOException {
		SimConfig tiny = SimConfig.preset("tiny", 3);
		DatasetSink.write(tiny, tmp.resolve("default"));
		assertThat(typologies(tmp.resolve("default"))).containsExactly(Typology.LAYERED);

		SimConfig shaped = tiny.withTypologies(List.of(Typology.CYCLE, Typology.FAN_OUT, Typology.STACK));
		DatasetSink.write(shaped, tmp.resolve("shaped"));
		// three gangs, one shape each
		assertThat(typologies(tmp.resolve("shaped"))).containsExactly("cycle", "fan_out", "stack");
		assertThat(Files.readAllLines(tmp.resolve("shaped/truth/laundering.csv"))).hasSizeGreaterThan(10);
		assertThat(shaped.typologyOf(4)).isEqualTo(Typology.FAN_OUT);
		assertThat(tiny.typologyOf(4)).isNull();
	}

}
