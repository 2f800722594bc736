// @vitest-environment jsdom
import { Button, Form, Input } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginBody } from '../../../../common/schemas.js';
import { ApiError } from '../../api/client.js';
import { setupI18n } from '../../app/i18n/setup.js';
import { useZodForm } from './useZodForm.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let formApi: ReturnType<typeof useZodForm<typeof loginBody>> | undefined;
const submitted = vi.fn();

function LoginLikeForm() {
  const zodForm = useZodForm(loginBody);
  formApi = zodForm;
  return (
    <Form form={zodForm.form} onFinish={(values) => submitted(zodForm.parse(values))}>
      <Form.Item name="email" label="email" rules={[zodForm.rule('email')]}>
        <Input />
      </Form.Item>
      <Form.Item name="password" label="password" rules={[zodForm.rule('password')]}>
        <Input />
      </Form.Item>
      <Button htmlType="submit">go</Button>
    </Form>
  );
}

const wait = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));
const errorsOnPage = () =>
  [...document.querySelectorAll('.ant-form-item-explain-error')]
    .filter((e) => !/-leave/.test(e.className)) // old messages still fading out
    .map((e) => e.textContent);

let root: Root | undefined;

beforeAll(() => {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  setupI18n();
});

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  submitted.mockReset();
});

async function render() {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<LoginLikeForm />));
  return container;
}

describe('useZodForm', () => {
  it('shows the shared schema’s messages in Japanese and does not submit', async () => {
    const container = await render();
    await act(async () => container.querySelector('button')?.click());
    await wait();
    expect(errorsOnPage()).toEqual(['入力してください。', '入力してください。']);
    expect(submitted).not.toHaveBeenCalled();

    await act(async () => formApi?.form.setFieldsValue({ email: 'nope', password: 'x' }));
    await act(async () => container.querySelector('button')?.click());
    await wait();
    expect(errorsOnPage()).toEqual(['メールアドレスの形式が正しくありません。']);
  });

  it('submits the parsed (trimmed) values when valid', async () => {
    const container = await render();
    await act(async () => formApi?.form.setFieldsValue({ email: '  a@example.com ', password: 'secret' }));
    await act(async () => container.querySelector('button')?.click());
    await wait();
    expect(submitted).toHaveBeenCalledWith({ email: 'a@example.com', password: 'secret' });
  });

  it('puts server field errors on the fields it knows', async () => {
    await render();
    let shown = false;
    await act(async () => {
      shown =
        formApi?.showServerErrors(
          new ApiError(400, {
            code: 'validation',
            message: '入力内容に誤りがあります。',
            fields: { email: ['validation.email'], other: ['x'] },
          }),
        ) ?? false;
    });
    await wait();
    expect(shown).toBe(true);
    expect(errorsOnPage()).toEqual(['メールアドレスの形式が正しくありません。']);
    expect(formApi?.showServerErrors(new Error('not an API error'))).toBe(false);
  });
});
