package org.luoshi.engine;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Camunda's FEEL engine for the DMN tables, with each expression parsed once rather than at every
 * evaluation.
 *
 * <p>Camunda's {@link ScalaFeelEngine} hands the FEEL engine each input expression and each rule's
 * input entry as text, and the FEEL engine parses it every time: about a third of a decision's time
 * (JFR, bench/README.md). Here the parsed expression (or the parse failure) is kept by its text, the
 * same answer the parser would give again; evaluation, value mapping, custom functions and error
 * messages stay Camunda's. Only the texts of deployed tables reach it; the number kept is bounded all
 * the same.
 */
@Component
class ParsedOnceFeel extends AbstractProcessEnginePlugin {

  /** Texts kept at most; past it the store starts afresh (a deployment history far beyond any district's). */
  static final int LIMIT = 5_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      // asked when the DMN engine is built, after the engine has handed over its custom functions
      dmn.setFeelEngineFactory(new Factory(dmn));
      configuration.setDmnEngineConfiguration(dmn);
    }
  }

  /** Builds {@link Engine}s with the custom functions the DMN engine was given. */
  static final class Factory implements FeelEngineFactory {

    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      return new Engine(dmn.getFeelCustomFunctionProviders());
    }
  }

  /** Camunda's engine on top of a {@link ParsingOnce} FEEL engine. */
  static final class Engine extends ScalaFeelEngine {

    Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
        ValueMapper.CompositeValueMapper valueMapper) {
      // as Camunda's: its functions and value mappers, external functions off, the default clock
      return new ParsingOnce(functions, valueMapper);
    }

    /** The FEEL engine of the part Camunda calls. */
    org.camunda.feel.FeelEngine feel() {
      return feelEngine;
    }
  }

  /**
   * The FEEL engine with the two entry points Camunda's engine uses ({@code evalExpression},
   * {@code evalUnaryTests} on text) taking a kept parse.
   */
  @SuppressWarnings("deprecation")
  static final class ParsingOnce extends org.camunda.feel.FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsingOnce(CustomFunctionTransformer functions, ValueMapper valueMapper) {
      super(functions, valueMapper, new Configuration(false), org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = kept(expressions, expression, true);
      if (parsed.isLeft()) {
        return failed(parsed);
      }
      return eval(parsed.toOption().get(), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      Either<Failure, ParsedExpression> parsed = kept(unaryTests, expression, false);
      if (parsed.isLeft()) {
        return failed(parsed);
      }
      Either<Failure, Object> result = eval(parsed.toOption().get(), context);
      if (result.isLeft()) {
        return result;
      }
      // as FEEL's own evalUnaryTests: the value read as a boolean, a null (no match possible) as false
      Object value = result.toOption().get();
      return new Right<>(value == null ? Boolean.FALSE : (Boolean) value);
    }

    private Either<Failure, ParsedExpression> kept(Map<String, Either<Failure, ParsedExpression>> store,
        String text, boolean expression) {
      Either<Failure, ParsedExpression> parsed = store.get(text);
      if (parsed == null) {
        parsed = expression ? parseExpression(text) : parseUnaryTests(text);
        if (store.size() >= LIMIT) {
          store.clear();
        }
        store.put(text, parsed);
      }
      return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Either<Failure, Object> failed(Either<Failure, ParsedExpression> parsed) {
      return (Either<Failure, Object>) (Either<?, ?>) parsed;
    }

    /** How many texts are kept (tests). */
    int kept() {
      return expressions.size() + unaryTests.size();
    }

    /** Whether this text is kept parsed as an expression (tests). */
    boolean keeps(String expression) {
      return expressions.containsKey(expression);
    }
  }
}
