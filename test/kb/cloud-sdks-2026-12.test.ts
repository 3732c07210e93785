import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

// Alibaba Cloud's API SDKs as package registries name them (sources/cloud-sdks-2026-12.yaml).
const { resolver } = bundledEngine();
const product = (purl: string) => resolver.resolve('purl', purl).resolutions[0]?.entity.id;

test("Alibaba Cloud's API SDKs are found by their npm scope, Go module and core Python package, and nothing wider", () => {
  assert.equal(product('pkg:npm/%40alicloud/pop-core@1.7.13'), 'alibaba-cloud-api-sdks');
  assert.equal(product('pkg:golang/github.com/aliyun/alibaba-cloud-sdk-go@v1.62.0'), 'alibaba-cloud-api-sdks');
  assert.equal(product('pkg:pypi/aliyun-python-sdk-core@2.13.36'), 'alibaba-cloud-api-sdks');
  assert.equal(product('pkg:pypi/aliyun-python-sdk-core-v3@2.13.33'), 'alibaba-cloud-api-sdks');
  // Another scope, another Go module of the same host, a package whose name only begins alike.
  assert.equal(product('pkg:npm/%40alicloudx/tool@1.0.0'), undefined);
  assert.equal(product('pkg:golang/github.com/aliyun/other-tool@v1.0.0'), undefined);
  assert.equal(product('pkg:pypi/aliyun-python-sdk-corex@1.0.0'), undefined);
});

test("Tencent Cloud's API 3.0 SDKs are found by their Go modules, npm packages and Python packages", () => {
  assert.equal(product('pkg:golang/github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/cvm@v1.0.1000'), 'tencent-cloud-api-sdks');
  assert.equal(product('pkg:golang/github.com/tencentcloud/tencentcloud-sdk-go@v1.0.0'), 'tencent-cloud-api-sdks');
  assert.equal(product('pkg:npm/tencentcloud-sdk-nodejs@4.0.3'), 'tencent-cloud-api-sdks');
  assert.equal(product('pkg:pypi/tencentcloud-sdk-python-common@3.0.1059'), 'tencent-cloud-api-sdks');
  assert.equal(product('pkg:npm/tencentcloud@1.0.0'), undefined);
});
