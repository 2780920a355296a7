package org.fanzha.platform;

import org.fanzha.core.RegionCode;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A region code is written as its six digits ("610113") wherever it appears in an API
 * answer.
 */
@JacksonComponent
class RegionCodeJson extends ValueSerializer<RegionCode> {

	@Override
	public void serialize(RegionCode value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeString(value.value());
	}

}
