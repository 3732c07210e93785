/** Gradle, Maven, CocoaPods, Yarn and pnpm manifests: the package URLs they declare, and the entries rejected with their reasons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InventoryItem, RejectedRow } from '../../src/model/item.js';
import { fixture, labelsByLine, readAll, tempFile } from './helpers.js';

const formatFixture = (name: string) => fixture(`formats/${name}`);
const rejections = (rows: RejectedRow[]) => rows.map((row) => `${row.origin.line}: ${row.error}`);
/** A manifest's items hold a purl and nothing else: no entry of one is screened as a name. */
const onlyPurls = (items: InventoryItem[]) => items.every((item) => Object.keys(item.fields).join() === 'purl');

test('build.gradle: string, map and platform notations, buildscript classpath; project, file and catalog references skipped; malformed coordinates rejected', async () => {
  const file = formatFixture('build.gradle');
  const { items, rejected, notices, columns } = await readAll(file);
  assert.equal(columns[0]?.format, 'gradle');
  assert.deepEqual(labelsByLine(items), [
    // A plugin request is its marker artifact.
    '2: pkg:maven/com.android.application/com.android.application.gradle.plugin',
    '7: pkg:maven/com.huawei.agconnect/agcp@1.9.1.301',
    '14: pkg:maven/com.tencent.bugly/crashreport@4.1.9',
    // A version from a variable is no literal version.
    '15: pkg:maven/com.umeng.umsdk/common',
    '16: pkg:maven/com.huawei.hms/push@6.11.0.300',
    '19: pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0',
    '20: pkg:maven/com.squareup.okhttp3/okhttp-bom@4.12.0',
    // "2.51+" is a dynamic version.
    '21: pkg:maven/com.google.dagger/dagger-compiler',
    '22: pkg:maven/junit/junit@4.13.2',
  ]);
  assert.ok(onlyPurls(items));
  assert.deepEqual(rejections(rejected), [
    '28: "com.tencent.bugly" is not a Maven coordinate (GROUP:NAME[:VERSION[:CLASSIFIER]])',
    '29: "com.google.dagger::2.51" has no artifact name (GROUP:NAME[:VERSION])',
  ]);
  assert.equal(rejected[0]?.origin.file, file);
  assert.deepEqual(notices, ['1 dependency is named by a variable or a version-catalog accessor (libs.…), not by a coordinate; scan the version catalog (gradle/libs.versions.toml) or gradle.lockfile for them']);
});

test('build.gradle.kts: calls with parentheses, platform and enforcedPlatform, named arguments, a declaration over three lines; constraints are not dependencies', async () => {
  const { items, rejected } = await readAll(formatFixture('build.gradle.kts'));
  assert.deepEqual(labelsByLine(items), [
    '2: pkg:maven/com.android.application/com.android.application.gradle.plugin',
    '6: pkg:maven/com.tencent.bugly/crashreport@4.1.9',
    '7: pkg:maven/com.huawei.hms/hms-bom@6.11.0.300',
    '8: pkg:maven/com.squareup.okhttp3/okhttp-bom@4.12.0',
    '9: pkg:maven/com.umeng.umsdk/common@9.6.3',
    '10: pkg:maven/com.google.dagger/dagger-compiler@2.51',
    '11: pkg:maven/com.pangle.cn/ads-sdk-pro@6.1.0.6',
  ]);
  assert.deepEqual(rejections(rejected), ['20: "junit junit" is not a Maven group id (letters, digits, ".", "-" and "_")']);
});

test('build scripts: several declarations on a line, add(), a block opened on the next line, conditions, comments and strings holding braces', async () => {
  const script = [
    'dependencies {',
    '  implementation "a.b:c:1", "d.e:f:2"; api("g.h:i:3")',
    '  add("implementation", "j.k:l:4")',
    '  // implementation "m.n:commented:5"',
    '  implementation("o.p:q:6") { because("a } in a string") }',
    '}',
    'dependencies',
    '{',
    '  classpath "r.s:t:7"',
    '}',
    'dependencies {',
    '  if (project.hasProperty("cn")) {',
    '    implementation "com.umeng.umsdk:common:9.6.3"',
    '  } else {',
    '    implementation "com.huawei.hms:push:6.11.0.300"',
    '  }',
    '}',
    'android {',
    '  if (true) { implementation "not.a:declaration:1" }',
    '}',
    'dependencies {',
    '  implementation("u.v:never-closed:8"',
  ].join('\n');
  const { items, rejected } = await readAll(tempFile('deps.gradle', script), { inputFormat: 'gradle' });
  assert.deepEqual(labelsByLine(items), [
    '2: pkg:maven/a.b/c@1',
    '2: pkg:maven/d.e/f@2',
    '2: pkg:maven/g.h/i@3',
    '3: pkg:maven/j.k/l@4',
    '5: pkg:maven/o.p/q@6',
    '9: pkg:maven/r.s/t@7',
    '13: pkg:maven/com.umeng.umsdk/common@9.6.3',
    '15: pkg:maven/com.huawei.hms/push@6.11.0.300',
  ]);
  assert.deepEqual(rejections(rejected), ['22: a dependency declaration whose parenthesis is never closed']);
});

test('plugins { }: each dotted plugin id is its marker artifact ID:ID.gradle.plugin; Gradle\'s own plugins and catalog aliases are no packages', async () => {
  const script = [
    'plugins {',
    '    id("com.android.application") version "8.5.0" apply false',
    "    id 'com.huawei.agconnect' version '1.9.1.300'",
    '    id "com.google.gms.google-services"',
    '    `java-library`',
    '    kotlin("android")',
    '    alias(libs.plugins.pangle)',
    '}',
  ].join('\n');
  const { items, rejected, notices } = await readAll(tempFile('build.gradle.kts', script), { inputFormat: 'gradle' });
  assert.deepEqual(labelsByLine(items), [
    '2: pkg:maven/com.android.application/com.android.application.gradle.plugin@8.5.0',
    '3: pkg:maven/com.huawei.agconnect/com.huawei.agconnect.gradle.plugin@1.9.1.300',
    '4: pkg:maven/com.google.gms.google-services/com.google.gms.google-services.gradle.plugin',
  ]);
  assert.deepEqual(rejected, []);
  assert.equal(notices.length, 1);
});

test('gradle.lockfile: each locked module with its version; an entry without one is rejected', async () => {
  const { items, rejected } = await readAll(formatFixture('gradle.lockfile'));
  assert.deepEqual(labelsByLine(items), [
    '4: pkg:maven/com.huawei.hms/push@6.11.0.300',
    '5: pkg:maven/com.tencent.bugly/crashreport@4.1.9',
    '6: pkg:maven/com.umeng.umsdk/common@9.6.3',
  ]);
  assert.deepEqual(rejections(rejected), ['7: not a locked module (GROUP:NAME:VERSION=CONFIGURATIONS)']);
});

test('version catalog: module or group and name, version.ref resolved from [versions], rich versions; plugins and bundles are not libraries', async () => {
  const { items, rejected } = await readAll(formatFixture('libs.versions.toml'));
  assert.deepEqual(labelsByLine(items), [
    '6: pkg:maven/com.tencent.bugly/crashreport@4.1.9',
    '7: pkg:maven/com.huawei.hms/push@6.11.0.300',
    '8: pkg:maven/com.umeng.umsdk/common@9.6.3',
    '9: pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0',
    // version.ref to a version [versions] does not define.
    '10: pkg:maven/com.squareup.okhttp3/okhttp',
  ]);
  assert.ok(onlyPurls(items));
  assert.deepEqual(rejections(rejected), ['11: library "broken": module "com.tencent.bugly" is not GROUP:NAME']);
  await assert.rejects(readAll(tempFile('bad.versions.toml', '[libraries]\nbugly = \n'), { inputFormat: 'gradle-version-catalog' }), /not valid TOML at line 2: invalid value/);
});

test('pom.xml: dependencies and dependencyManagement in file order, properties resolved (also through another property and the project version), a range or an undefined property left out', async () => {
  const { items, rejected } = await readAll(formatFixture('pom.xml'));
  assert.deepEqual(labelsByLine(items), [
    '16: pkg:maven/com.huawei.hms/push@6.11.0.300',
    '24: pkg:maven/com.aliyun/aliyun-java-sdk-core@4.6.4',
    '29: pkg:maven/com.tencent.bugly/crashreport',
    '34: pkg:maven/com.example/field-common@1.4.0',
    '39: pkg:maven/junit/junit',
  ]);
  assert.ok(onlyPurls(items));
  assert.deepEqual(rejections(rejected), ['44: a <dependency> without groupId']);
  const undefinedGroup = '<project xmlns="http://maven.apache.org/POM/4.0.0"><dependencies><dependency><groupId>${vendor}</groupId><artifactId>x</artifactId></dependency></dependencies></project>';
  assert.deepEqual(rejections((await readAll(tempFile('pom-undefined.xml', undefinedGroup))).rejected), ['1: "${vendor}" names a property the POM does not define']);
});

test('Podfile.lock: the PODS list with installed versions, a subspec as the purl subpath; an entry without a version is rejected', async () => {
  const { items, rejected, columns } = await readAll(formatFixture('Podfile.lock'));
  assert.equal(columns[0]?.format, 'podfile-lock');
  assert.deepEqual(labelsByLine(items), [
    '2: pkg:cocoapods/AlipaySDK-iOS@15.8.10#Core',
    '3: pkg:cocoapods/Bugly@2.5.93',
    '4: pkg:cocoapods/GoogleUtilities@7.5.2#NSData%2Bzlib',
    '5: pkg:cocoapods/UMCommon@7.4.2',
    '7: pkg:cocoapods/UMDevice@3.2.0',
    '9: pkg:cocoapods/WechatOpenSDK@2.0.4',
  ]);
  assert.ok(onlyPurls(items));
  assert.deepEqual(rejections(rejected), ['8: not an installed pod ("- NAME (VERSION)")']);
});

test('Podfile: pods with an exact version or none, a local :path pod skipped, a pod named by a variable rejected', async () => {
  const { items, rejected } = await readAll(formatFixture('Podfile'));
  assert.deepEqual(labelsByLine(items), [
    '7: pkg:cocoapods/Bugly',
    '8: pkg:cocoapods/WechatOpenSDK@2.0.4',
    '9: pkg:cocoapods/AlipaySDK-iOS@15.8.10#Core',
    '10: pkg:cocoapods/UMCommon',
  ]);
  assert.deepEqual(rejections(rejected), ["13: the pod is not named by a string (pod 'NAME', 'VERSION')"]);
  const spaced = await readAll(tempFile('Podfile-spaced', "platform :ios, '12.0'\npod 'Alipay SDK', '1.0'\n"));
  assert.deepEqual(rejections(spaced.rejected), ['2: "Alipay SDK" is not a pod name (NAME or NAME/SUBSPEC, without spaces or "+" in NAME)']);
});

test('yarn.lock v1: each resolved package once, an npm: alias as the package it installs, a local file skipped, an entry without a version rejected', async () => {
  const { items, rejected, columns } = await readAll(formatFixture('yarn.lock'));
  assert.equal(columns[0]?.format, 'yarn-lock');
  assert.deepEqual(labelsByLine(items), [
    '5: pkg:npm/%40alicloud/pop-core@1.7.13',
    '12: pkg:npm/debug@3.2.7',
    '16: pkg:npm/left-pad@1.3.0',
    '19: pkg:npm/tencentcloud-sdk-nodejs@4.0.3',
  ]);
  assert.ok(onlyPurls(items));
  assert.deepEqual(rejections(rejected), ['25: package "broken" has no version']);
  const damaged = await readAll(tempFile('damaged-yarn.lock', '# yarn lockfile v1\n\nleft-pad@^1.3.0:\n  version "1.3.0"\nthis line is no entry\n'));
  assert.deepEqual(labelsByLine(damaged.items), ['3: pkg:npm/left-pad@1.3.0']);
  assert.deepEqual(rejections(damaged.rejected), ['5: not an entry of a yarn.lock ("name@range:")']);
});

test('yarn.lock of Yarn Berry: the resolution of each entry; the workspace and patched copies are not registry packages', async () => {
  const { items, rejected } = await readAll(formatFixture('yarn-berry.lock'));
  assert.deepEqual(labelsByLine(items), ['8: pkg:npm/%40alicloud/pop-core@1.7.13', '17: pkg:npm/debug@4.3.4']);
  assert.deepEqual(rejected, []);
});

test('pnpm-lock.yaml: the packages map of lockfile 9 and of lockfile 5 (peers after "_" or in parentheses), local and git packages skipped, a key that is no package rejected', async () => {
  const v9 = await readAll(formatFixture('pnpm-lock.yaml'));
  assert.deepEqual(labelsByLine(v9.items), [
    '20: pkg:npm/%40alicloud/pop-core@1.7.13',
    '23: pkg:npm/left-pad@1.3.0',
    '27: pkg:npm/tencentcloud-sdk-nodejs@4.0.3',
  ]);
  assert.ok(onlyPurls(v9.items));
  assert.deepEqual(rejections(v9.rejected), ['35: "not a package" is not a package of a pnpm lock file (NAME@VERSION)']);
  const v5 = await readAll(formatFixture('pnpm-lock-v5.yaml'));
  assert.deepEqual(labelsByLine(v5.items), ['13: pkg:npm/%40alicloud/pop-core@1.7.13', '17: pkg:npm/left-pad@1.3.0']);
  const v6 = await readAll(tempFile('pnpm-lock-v6.yaml', "lockfileVersion: '6.0'\n\npackages:\n\n  /@alicloud/pop-core@1.7.13(debug@3.2.7):\n    resolution: {integrity: sha512-AAAA}\n"));
  assert.deepEqual(labelsByLine(v6.items), ['5: pkg:npm/%40alicloud/pop-core@1.7.13']);
});
