package org.luoshi.supervision;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The variables of the {@code supervision} process: the public ones of DESIGN.md §4.3 and those the
 * process keeps for its forms, timers and Tasklist's columns.
 */
final class SupervisionVariables {

  // start (public)
  static final String METHOD = "method";
  static final String SUBJECT = "subject";
  static final String UNIT_CODES = "unitCodes";
  static final String SAMPLE_SIZE = "sampleSize";
  static final String SAMPLE_SEED = "sampleSeed";
  // tasks (public)
  static final String FINDINGS = "findings";
  static final String REPORT = "report";
  static final String PROBLEMS = "problems";
  static final String RECTIFICATION = "rectification";
  static final String VERIFIED = "verified";
  static final String VERIFY_COMMENT = "verifyComment";

  // kept by the process
  static final String SUPERVISION_ID = "supervisionId";
  static final String SAMPLE = "sample";
  static final String METHOD_NAME = "methodName";
  static final String INSPECTED_UNIT_NAMES = "inspectedUnitNames";
  static final String UNIT_OPTIONS = "unitOptions";
  static final String SAMPLE_NOTE = "sampleNote";
  static final String PROBLEM_IDS = "problemIds";
  static final String PROBLEM_COUNT = "problemCount";
  static final String STARTER = "starter";
  // per problem (local to one instance of the problem subprocess)
  static final String PROBLEM_ID = "problemId";
  static final String UNIT_CODE = "unitCode";
  static final String UNIT_NAME = "unitName";
  static final String DESCRIPTION = "description";
  static final String DEADLINE = "deadline";
  static final String OVERDUE_AT = "overdueAt";
  static final String REMINDER_CYCLE = "reminderCycle";
  // Tasklist's shared "事项名称" column
  static final String TITLE = "title";


  private SupervisionVariables() {}


  /** The problem ids as a Java list (JSON-serialised), the collection of the multi-instance subprocess. */
  static ObjectValue idList(List<Long> ids) {
    return Variables.objectValue(new ArrayList<>(ids))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
