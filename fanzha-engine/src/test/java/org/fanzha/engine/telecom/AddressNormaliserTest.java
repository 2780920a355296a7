package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNormaliserTest {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', value = {
			// province and city prefixes, with or without their suffix
			"陕西省西安市雁塔区小寨东路1号3号楼2单元501室 | 雁塔区小寨东路1号3栋2单元501", "陕西西安雁塔区小寨东路1号3栋2单元501 | 雁塔区小寨东路1号3栋2单元501",
			"西安市雁塔区小寨东路1号3幢2单元501 | 雁塔区小寨东路1号3栋2单元501", "雁塔区 小寨东路 1号 3号楼 2单元 501室 | 雁塔区小寨东路1号3栋2单元501",
			// full-width digits, letters and spaces; Chinese numerals before unit words
			"雁塔区小寨东路１号３号楼２单元５０１室 | 雁塔区小寨东路1号3栋2单元501", "雁塔区小寨东路１号　三号楼二单元501 | 雁塔区小寨东路1号3栋2单元501",
			"雁塔区小寨东路1号十二栋楼2单元501 | 雁塔区小寨东路1号12栋2单元501", "浙江省杭州市西湖区文三路９０号Ａ座（东门） | 西湖区文三路90号A栋东门",
			"北京市海淀区中关村大街27号 | 海淀区中关村大街27", "广西壮族自治区南宁市青秀区民族大道100号 | 青秀区民族大道100" })
	void variantsOfOneAddressNormaliseAlike(String address, String expected) {
		assertThat(AddressNormaliser.normalise(address)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} ≠ {1}")
	@CsvSource(delimiter = '|', value = { "雁塔区小寨东路1号3栋2单元501 | 雁塔区小寨东路1号3栋2单元502",
			"雁塔区小寨东路1号3栋2单元501 | 碑林区小寨东路1号3栋2单元501", "雁塔区小寨东路1号 | 雁塔区小寨东路11号" })
	void differentAddressesStayApart(String a, String b) {
		assertThat(AddressNormaliser.normalise(a)).isNotEqualTo(AddressNormaliser.normalise(b));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "一, 1", "十, 10", "十二, 12", "二十, 20", "九十九, 99", "两, 2", "一一, -1", "十十, -1", "百, -1" })
	void chineseNumeralsUpToNinetyNine(String text, int value) {
		assertThat(AddressNormaliser.chineseNumber(text)).isEqualTo(value);
	}

}
