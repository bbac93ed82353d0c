package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Hibernate builds a proxy class (ByteBuddy) for every entity class it may proxy, at start-up: a third of its
 * bootstrap's CPU for 24 entities (bench/README.md). Luoshi's entities are final, so none is built, except
 * for an entity that a lazy to-one association points to: that one must stay open to a proxy, or the
 * association would be read at once.
 */
class EntityProxiesTest {

  @Test
  void everyEntityIsFinalUnlessALazyAssociationPointsToIt() throws Exception {
    ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
    Set<Class<?>> entities = new java.util.HashSet<>();
    for (BeanDefinition d : scan.findCandidateComponents("org.luoshi")) {
      entities.add(ClassUtils.forName(d.getBeanClassName(), getClass().getClassLoader()));
    }
    assertThat(entities).hasSizeGreaterThan(20);

    Set<Class<?>> lazyTargets = new java.util.HashSet<>();
    for (Class<?> entity : entities) {
      for (Field f : entity.getDeclaredFields()) {
        ManyToOne manyToOne = f.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = f.getAnnotation(OneToOne.class);
        if ((manyToOne != null && manyToOne.fetch() == FetchType.LAZY)
            || (oneToOne != null && oneToOne.fetch() == FetchType.LAZY)) {
          lazyTargets.add(f.getType());
        }
      }
    }

    Set<String> openWithoutNeed = new TreeSet<>();
    Set<String> finalButProxied = new TreeSet<>();
    for (Class<?> entity : entities) {
      boolean isFinal = Modifier.isFinal(entity.getModifiers());
      if (lazyTargets.contains(entity) && isFinal) {
        finalButProxied.add(entity.getName());
      } else if (!lazyTargets.contains(entity) && !isFinal) {
        openWithoutNeed.add(entity.getName());
      }
    }
    assertThat(openWithoutNeed).as("entities that are not final: Hibernate builds a proxy class for each at start-up")
        .isEmpty();
    assertThat(finalButProxied).as("final entities that a lazy association points to (it would be read at once)")
        .isEmpty();
    assertThat(lazyTargets).extracting(Class::getSimpleName).contains("Supervision");
  }
}
