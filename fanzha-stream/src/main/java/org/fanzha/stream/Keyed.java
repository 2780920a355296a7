package org.fanzha.stream;

/** A message for a topic: its key and its JSON text. A Flink POJO. */
public class Keyed {

	public String key;

	public String json;

	public Keyed() {
	}

	public Keyed(String key, String json) {
		this.key = key;
		this.json = json;
	}

}
