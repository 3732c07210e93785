import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

// Chinese SDKs as CocoaPods names them (sources/cocoapods-sdks-2026-12.yaml).
const { resolver } = bundledEngine();
const product = (purl: string) => resolver.resolve('purl', purl).resolutions[0]?.entity.id;

test('Chinese SDKs are found by their pod names, with a version or a subspec, and nothing wider', () => {
  assert.equal(product('pkg:cocoapods/Bugly@2.5.93'), 'bugly-sdk');
  assert.equal(product('pkg:cocoapods/BuglyPro@2.7.51'), 'bugly-sdk');
  assert.equal(product('pkg:cocoapods/WechatOpenSDK@2.0.4'), 'wechat-opensdk');
  assert.equal(product('pkg:cocoapods/WechatOpenSDK-XCFramework@2.0.5'), 'wechat-opensdk');
  assert.equal(product('pkg:cocoapods/AlipaySDK-iOS@15.8.10#Core'), 'alipay-sdk');
  assert.equal(product('pkg:cocoapods/UMCCommon@7.3.7'), 'umeng-sdk');
  assert.equal(product('pkg:cocoapods/Ads-CN@7.2.2.2#BUAdSDK'), 'pangle-sdk');
  assert.equal(product('pkg:cocoapods/Ads-Global'), 'pangle-sdk');
  assert.equal(product('pkg:cocoapods/HiAnalytics@6.0.0'), 'hms-core');
  // Third parties' wrappers and look-alike names are other pods.
  assert.equal(product('pkg:cocoapods/WechatOpenSDK-Swift@1.8.7.1'), undefined);
  assert.equal(product('pkg:cocoapods/BuglyX@1.0'), undefined);
  assert.equal(product('pkg:cocoapods/UMCommonLog@2.0'), undefined);
});
