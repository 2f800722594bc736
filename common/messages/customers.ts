/** Shared server/browser messages of customers (CU-1 … CU-6) and postal codes; merged into `sharedMessages`. */
export const customerMessages = {
  ja: {
    'validation.postalCode': '郵便番号は半角数字7桁、または「733-0001」の形式で入力してください。',
    'validation.prefecture': '都道府県を選択してください。',
    'validation.phoneDigits': 'ハイフンを除く半角数字で入力してください。',
    'error.no_changes': '1つ以上の項目を変更してください。',
    'error.customer_has_contracts': '契約が存在するため、顧客を削除できません。',
    'error.customer_has_devices': 'UTMが存在するため、顧客を削除できません。',
    'error.postal_code_not_found': '該当する住所が見つかりません。',
    'error.email_in_use': 'このメールアドレスは他のユーザが使用しています。',
    'error.shared_account':
      'このユーザは他の組織にも所属しているため、氏名・連絡先・認証の設定は本人のみが変更できます。',
  },
  en: {
    'validation.postalCode': 'Enter the postal code as 7 digits or in the form 733-0001.',
    'validation.prefecture': 'Select a prefecture.',
    'validation.phoneDigits': 'Enter half-width digits only, without hyphens.',
    'error.no_changes': 'Change at least one field.',
    'error.customer_has_contracts': 'This customer has contracts and cannot be deleted.',
    'error.customer_has_devices': 'This customer has UTMs and cannot be deleted.',
    'error.postal_code_not_found': 'No address was found for this postal code.',
    'error.email_in_use': 'Another user already uses this e-mail address.',
    'error.shared_account':
      'This user also belongs to other organisations: only they can change their name, contact details and sign-in settings.',
  },
} as const;
