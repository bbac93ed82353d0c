package org.luoshi.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the modellers' room, {@code processes/} on the classpath, as one deployment named
 * "luoshi": every BPMN, DMN and Camunda Form, named by its path below {@code processes/}
 * (responsibility-item.bpmn, forms/accept-item.form), so the names are the same from a jar, from
 * {@code spring-boot:run} and from an IDE. An unchanged restart deploys nothing; when any model
 * changed, all are deployed together, so a process version always finds the forms of its own
 * deployment ({@code camunda:formRefBinding="deployment"}).
 */
@Component
public class ProcessModelDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "luoshi";
  static final String ROOT = "processes/";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessModelDeployer.class);
  private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine);
  }

  /** Deploys the models when they changed; returns the new deployment, or null when unchanged. */
  public Deployment deploy(ProcessEngine engine) {
    TreeMap<String, Resource> models = models();
    if (models.isEmpty()) {
      LOG.warn("No models found under classpath:{}", ROOT);
      return null;
    }
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("luoshi")
        .enableDuplicateFiltering(false);
    models.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + name, e);
      }
    });
    long before = engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    Deployment deployment = builder.deploy();
    long after = engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    if (after > before) {
      LOG.info("Deployed {} models from classpath:{}: {}", models.size(), ROOT, models.keySet());
      return deployment;
    }
    LOG.info("Models unchanged ({}), nothing deployed", models.size());
    return null;
  }

  /** The models below classpath:processes/, by their name relative to it. */
  static TreeMap<String, Resource> models() {
    var resolver = new PathMatchingResourcePatternResolver();
    TreeMap<String, Resource> models = new TreeMap<>();
    try {
      List<String> roots = new ArrayList<>();
      for (Resource root : resolver.getResources("classpath*:" + ROOT)) {
        roots.add(root.getURL().toString());
      }
      roots.sort(Comparator.comparingInt(String::length).reversed());
      for (Resource r : resolver.getResources("classpath*:" + ROOT + "**/*")) {
        String url = r.getURL().toString();
        if (!r.isReadable() || SUFFIXES.stream().noneMatch(url::endsWith)) {
          continue;
        }
        String name = roots.stream().filter(url::startsWith).findFirst()
            .map(root -> url.substring(root.length()))
            .orElseGet(() -> url.substring(url.lastIndexOf("/" + ROOT) + ROOT.length() + 1));
        models.putIfAbsent(name, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot scan classpath:" + ROOT, e);
    }
    return models;
  }

}
