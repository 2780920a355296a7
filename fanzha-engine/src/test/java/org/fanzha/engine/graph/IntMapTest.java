package org.fanzha.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntMapTest {

	/**
	 * Any sequence of puts, put-if-absents and gets answers as a HashMap does, through
	 * every growth.
	 */
	@Property(tries = 200)
	void answersAsAHashMap(@ForAll @Size(max = 3_000) List<@IntRange(min = 0, max = 5_000) Integer> keys,
			@ForAll boolean dense) {
		IntMap<String> map = new IntMap<>(4);
		Map<Integer, String> reference = new HashMap<>();
		for (int n = 0; n < keys.size(); n++) {
			int key = dense ? n : keys.get(n);
			String value = "v" + n;
			if (n % 3 == 0) {
				assertThat(map.putIfAbsent(key, value)).isEqualTo(reference.putIfAbsent(key, value));
			}
			else {
				assertThat(map.put(key, value)).isEqualTo(reference.put(key, value));
			}
			int probe = keys.get((n * 7) % keys.size());
			assertThat(map.get(probe)).isEqualTo(reference.get(probe));
		}
		assertThat(map.size()).isEqualTo(reference.size());
		reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
	}

	@Test
	void refusesANegativeKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IntMap<String>().put(-1, "x"));
	}

}
