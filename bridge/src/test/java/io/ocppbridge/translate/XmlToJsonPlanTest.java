package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every request and response of every action, version and dialect has a plan, so no message
 * meets a type the plan does not know; and a type it does not know fails when planned.
 */
class XmlToJsonPlanTest {

  @Test
  void everyPayloadOfEveryVersionAndDialectIsPlanned() {
    Map<OcppVersion, OcppSchemaModel> models = OcppSchemaModel.loadAll();
    int planned = 0;
    for (JsonDialect dialect : JsonDialect.values()) {
      DomJsonWriter writer = new DomJsonWriter(OcppJson.payloadMapper(dialect));
      for (OcppSchemaModel model : models.values()) {
        for (Initiator initiator : Initiator.values()) {
          for (OcppAction action : OcppAction.all(model.version(), initiator)) {
            for (Class<?> type : new Class<?>[] {
                model.requestType(action), model.responseType(action)}) {
              XmlToJsonPlan plan = writer.prepare(type);
              assertThat(plan.type()).isEqualTo(type);
              for (XmlToJsonPlan.Property p : plan.properties()) {
                assertThat(p.reader() != null ^ p.nested() != null)
                    .as(type.getName() + "." + p.json()).isTrue();
              }
              planned++;
            }
          }
        }
      }
    }
    assertThat(planned).isGreaterThan(100);
  }

  /** The 1.5 MeterValue's samples: text and attributes, named by the dialect. */
  @Test
  void meterValue15NamesFollowTheDialect() {
    Class<?> meterValue = io.ocppbridge.generated.ocpp15.cs.MeterValue.class;
    XmlToJsonPlan xsd = new DomJsonWriter(OcppJson.payloadMapper(JsonDialect.XSD))
        .prepare(meterValue);
    XmlToJsonPlan ocppjs = new DomJsonWriter(OcppJson.payloadMapper(JsonDialect.OCPPJS))
        .prepare(meterValue);
    assertThat(xsd.element("value").json()).isEqualTo("value");
    assertThat(ocppjs.element("value").json()).isEqualTo("values");
    XmlToJsonPlan sample = ocppjs.element("value").nested();
    assertThat(sample.text().json()).isEqualTo("value");
    assertThat(sample.attributes()).extracting(XmlToJsonPlan.Property::xml)
        .contains("unit", "measurand", "context", "format", "location");
  }

  @Test
  void anUnknownTypeFailsWhenPlanned() {
    DomJsonWriter writer = new DomJsonWriter(OcppJson.payloadMapper(JsonDialect.XSD));
    assertThatThrownBy(() -> writer.prepare(WithADate.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WithADate.when")
        .hasMessageContaining("java.util.Date");
  }

  /** A JAXB class with a field type the plan has no reader for. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "WithADate")
  static class WithADate {
    @XmlElement(required = true)
    protected Date when;
  }
}
