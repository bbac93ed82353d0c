package org.luoshi.engine;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which Java objects the engine may build from variables of type Object (DESIGN.md §3, "trust
 * boundary"). Whoever works a task can send an Object variable naming any class; building it is the
 * first step of a gadget chain. So:
 *
 * <ul>
 *   <li>Java serialization stays off: Camunda's {@code javaSerializationFormatEnabled=false} refuses
 *       Java-serialized values from outside, and Luoshi's stand-in for Camunda's Java serializer
 *       refuses to write or read Java serialization at all (Camunda still lets code write it and
 *       reads it back with no type check); objects without a format are JSON;
 *   <li>Camunda's deserialization type validation is on, with exactly the types Luoshi stores
 *       itself: the supervision's {@code problemIds}, a {@code java.util.ArrayList<java.lang.Long>}
 *       serialised as JSON (an empty list is a plain {@code java.util.ArrayList}, whose element
 *       type Jackson takes as {@code java.lang.Object}, read as plain JSON values);
 *   <li>and a JSON Object variable naming any other type is refused when it is written (400 on
 *       /engine-rest), before any class is loaded, so nothing is stored that would fail, or build
 *       something, when read.
 * </ul>
 *
 * A new Object variable in Luoshi's own code must add its types here; the full test suite writes
 * every variable Luoshi writes and fails otherwise.
 */
@Component
public class ObjectVariableTypes implements ProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ObjectVariableTypes.class);

  /** The raw class names the engine may build from an Object variable. */
  public static final Set<String> ALLOWED =
      Set.of("java.util.ArrayList", "java.lang.Long", "java.lang.Object");

  static final String JSON_SERIALIZER = "spin://" + Variables.SerializationDataFormats.JSON.getName();

  /** The engine's validator: consulted for every class named when a JSON Object variable is read. */
  static final DeserializationTypeValidator VALIDATOR = className -> {
    boolean allowed = ALLOWED.contains(className);
    if (!allowed) {
      LOG.warn("Refused to deserialize an Object variable of type {} (not on Luoshi's allow-list)", className);
    }
    return allowed;
  };

  /**
   * Whether an Object variable's type name (Jackson's canonical form, e.g.
   * {@code java.util.ArrayList<java.lang.Long>}) names only allowed classes, judged on the text
   * alone: no class is loaded (loading runs a class's static initialiser).
   */
  public static boolean allowed(String canonicalTypeName) {
    if (canonicalTypeName == null || canonicalTypeName.isBlank()) {
      return false;
    }
    if (!canonicalTypeName.matches("[A-Za-z0-9_.$<>, ]+")) {
      return false; // arrays ([L…;), wildcards and anything else Jackson might parse
    }
    return Arrays.stream(canonicalTypeName.split("[<>,\\s]+"))
        .filter(t -> !t.isEmpty())
        .allMatch(ALLOWED::contains);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(VALIDATOR);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // generic properties may be applied after preInit: whatever they say, these stay as above
    configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(VALIDATOR);
  }

  /** After every plugin's postInit (Spin registers its serializers there): checks JSON objects on write. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    VariableSerializers serializers = configuration.getVariableSerializers();
    TypedValueSerializer<?> spin = serializers.getSerializerByName(JSON_SERIALIZER);
    if (!(spin instanceof SpinObjectValueSerializer) || spin instanceof CheckedJsonObjects) {
      if (spin == null) {
        throw new IllegalStateException("Spin's JSON object serializer (" + JSON_SERIALIZER + ") is not registered");
      }
      return;
    }
    int index = serializers.getSerializerIndex(spin);
    serializers.removeSerializer(spin);
    serializers.addSerializer(new CheckedJsonObjects(), index);
    TypedValueSerializer<?> java = serializers.getSerializerByName(JavaObjectSerializer.NAME);
    if (java != null && !(java instanceof NoJavaSerialization)) {
      int javaIndex = serializers.getSerializerIndex(java);
      serializers.removeSerializer(java);
      serializers.addSerializer(new NoJavaSerialization(), javaIndex);
    }
    if (!configuration.isDeserializationTypeValidationEnabled() || configuration.isJavaSerializationFormatEnabled()) {
      throw new IllegalStateException("Object variables must be type-checked and Java serialization off");
    }
  }

  /** In place of Camunda's Java serializer: a Java-serialized variable is neither written nor built. */
  static final class NoJavaSerialization extends JavaObjectSerializer {

    @Override
    public void writeValue(ObjectValue value, ValueFields valueFields) {
      LOG.warn("Refused Java-serialized Object variable '{}'", valueFields.getName());
      throw new BadUserRequestException("变量 " + valueFields.getName() + " 使用 Java 序列化，不允许"
          + "（Java serialization is off）");
    }

    @Override
    protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) {
      throw new IllegalStateException("Java serialization is off: " + objectTypeName + " is not built");
    }
  }

  /** Spin's JSON serializer for Object variables that refuses, on write, types not on the list. */
  static final class CheckedJsonObjects extends SpinObjectValueSerializer {

    CheckedJsonObjects() {
      super(JSON_SERIALIZER, DataFormats.getDataFormat(Variables.SerializationDataFormats.JSON.getName()));
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields valueFields) {
      if (value.isDeserialized() && value.isTransient()) {
        // an object the engine's own code holds for one command (e.g. a business rule task's
        // decisionResult): never stored, never read back from text, so nothing to check or serialize
        writeToValueFields(value, valueFields, null);
        updateTypedValue(value, null);
        return;
      }
      String type = value.isDeserialized()
          ? (value.getValue() == null ? null : getTypeNameForDeserialized(value.getValue()))
          : value.getObjectTypeName();
      boolean empty = value.isDeserialized() ? value.getValue() == null : value.getValueSerialized() == null;
      if (!empty && !allowed(type)) {
        LOG.warn("Refused Object variable '{}' of type {} (not on Luoshi's allow-list {})",
            valueFields.getName(), type, ALLOWED.stream().sorted().collect(Collectors.joining(", ")));
        throw new BadUserRequestException("变量 " + valueFields.getName() + " 的对象类型不允许：" + type
            + "（Object variable '" + valueFields.getName() + "': type not allowed）");
      }
      super.writeValue(value, valueFields);
    }
  }
}
