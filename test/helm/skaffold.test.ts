import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chart, render, root } from './helm.ts';

/** skaffold.yaml builds one image per component of the chart and hands each to its component. */

interface Skaffold {
  build: {
    artifacts: Array<{
      image: string;
      context: string;
      docker: { dockerfile: string; buildArgs: { SERVICE: string } };
    }>;
  };
  deploy: { helm: { releases: Array<{ chartPath: string; setValueTemplates: Record<string, string> }> } };
  profiles: Array<{ name: string; patches: Array<{ path: string; value: unknown }> }>;
}

const skaffold = parse(readFileSync(join(root, 'skaffold.yaml'), 'utf8')) as Skaffold;
const values = parse(readFileSync(join(chart, 'values.yaml'), 'utf8')) as {
  components: Record<string, unknown>;
};
const components = Object.keys(values.components).sort();

describe('skaffold.yaml', () => {
  it('builds one image per component from the parameterized Dockerfile at the repository root', () => {
    const artifacts = skaffold.build.artifacts;
    expect(artifacts.map((artifact) => artifact.docker.buildArgs.SERVICE).sort()).toEqual(components);
    for (const artifact of artifacts) {
      expect(artifact).toMatchObject({
        image: `ragfleet-${artifact.docker.buildArgs.SERVICE}`,
        context: '.',
      });
      expect(artifact.docker.dockerfile).toBe('deploy/docker/Dockerfile');
    }
  });

  it('deploys the chart with each image set on its component', () => {
    const release = skaffold.deploy.helm.releases[0];
    expect(release?.chartPath).toBe('helm/ragfleet');
    const templates = release?.setValueTemplates ?? {};
    for (const component of components) {
      const key = `ragfleet_${component}`;
      expect(templates[`components.${component}.image.repository`]).toBe(`{{.IMAGE_REPO_${key}}}`);
      expect(templates[`components.${component}.image.tag`]).toBe(`{{.IMAGE_TAG_${key}}}`);
    }
    // The keys are chart values the strict schema accepts, and they reach the pods.
    const set = Object.fromEntries(
      Object.keys(templates).map((path) => [path, path.endsWith('tag') ? 'abc123' : 'example.com/x']),
    );
    const objects = render({ setString: set });
    const images = objects
      .filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet')
      .map((object) => object.spec.template.spec.containers[0].image);
    expect(new Set(images)).toEqual(new Set(['example.com/x:abc123']));
  });

  it('has a dev and a prod profile whose value files exist', () => {
    expect(skaffold.profiles.map((profile) => profile.name)).toEqual(['dev', 'prod']);
    for (const profile of skaffold.profiles) {
      const files = profile.patches.find((patch) => patch.path.endsWith('/valuesFiles'))?.value as string[];
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(join(root, file))).toBe(true);
    }
  });
});
